/**
 * The assignment's code, written from the architecture table: `identity_block`,
 * `convolutional_block` and `ResNet50` in the Keras functional API with the seed's names,
 * as the text asks for them step by step. Each line that makes a layer says which one, so
 * the page can light the line of a selected layer and open the layer of a clicked line.
 * Plain data, no tfjs; generated (never hand-written) so it cannot drift from the builder.
 */
import { HEAD, STEM, stageBlocks, stageSpecs, type BlockSpec } from './architecture';
import { blockName, denseName, HEAD_NAMES, STEM_NAMES } from './names';
import type { ResNetConfig } from './presets';
import type { BlockType, Branch } from './vocabulary';
import type { LayerKind } from './layer-info';

/**
 * What a line makes. Inside a block function a line makes the same layer of every block of
 * that type (`part`: the branch and the kind, or the merge's add and ReLU); in `ResNet50` a
 * line makes one named layer, or calls one block.
 */
export type CodeLink =
  | { readonly kind: 'layer'; readonly name: string }
  | { readonly kind: 'block'; readonly name: string; readonly type: BlockType }
  | { readonly kind: 'part'; readonly type: BlockType; readonly part: BlockPart };

/** A layer's place inside any block: `2a:conv`, `1:batch-norm`, `merge:add`, `merge:relu`. */
export type BlockPart = `${Branch | 'merge'}:${LayerKind}`;

export interface CodeLine {
  readonly text: string;
  readonly link: CodeLink | null;
}

/** The three functions, one after another, and where each starts. */
export interface AssignmentCode {
  readonly lines: readonly CodeLine[];
  readonly functions: readonly { readonly name: string; readonly line: number }[];
}

export const BLOCK_FUNCTIONS: Readonly<Record<BlockType, string>> = {
  identity: 'identity_block',
  convolutional: 'convolutional_block',
};

const INIT = 'kernel_initializer=glorot_uniform(seed=0)';

const plain = (text: string): CodeLine => ({ text, link: null });
const part = (type: BlockType, p: BlockPart, text: string): CodeLine => ({ text, link: { kind: 'part', type, part: p } });
const layer = (name: string, text: string): CodeLine => ({ text, link: { kind: 'layer', name } });

function pair(n: number): string {
  return `(${n}, ${n})`;
}

interface Component {
  readonly branch: Branch;
  readonly comment: string;
  readonly filters: string;
  readonly kernel: string;
  readonly stride: string;
  readonly padding: 'valid' | 'same';
  readonly relu: boolean;
  readonly input?: string;
  readonly output?: string;
}

/** CONV2D -> BatchNorm on the channels axis -> ReLU (when the component has one). */
function componentLines(type: BlockType, c: Component): CodeLine[] {
  const input = c.input ?? 'X';
  const output = c.output ?? 'X';
  const lines = [
    plain(`    # ${c.comment}`),
    part(type, `${c.branch}:conv`, `    ${output} = Conv2D(filters=${c.filters}, kernel_size=${c.kernel}, strides=${c.stride}, padding='${c.padding}', name=conv_name_base + '${c.branch}', ${INIT})(${input})`),
    part(type, `${c.branch}:batch-norm`, `    ${output} = BatchNormalization(axis=3, name=bn_name_base + '${c.branch}')(${output})`),
  ];
  if (c.relu) lines.push(part(type, `${c.branch}:relu`, `    ${output} = Activation('relu')(${output})`));
  return lines;
}

function mainPathLines(type: BlockType, firstStride: string): CodeLine[] {
  return [
    ...componentLines(type, { branch: '2a', comment: 'First component of main path', filters: 'F1', kernel: '(1, 1)', stride: firstStride, padding: 'valid', relu: true }),
    plain(''),
    ...componentLines(type, { branch: '2b', comment: 'Second component of main path', filters: 'F2', kernel: '(f, f)', stride: '(1, 1)', padding: 'same', relu: true }),
    plain(''),
    ...componentLines(type, { branch: '2c', comment: 'Third component of main path', filters: 'F3', kernel: '(1, 1)', stride: '(1, 1)', padding: 'valid', relu: false }),
  ];
}

function blockHeader(type: BlockType, signature: string): CodeLine[] {
  return [
    plain(`def ${BLOCK_FUNCTIONS[type]}(${signature}):`),
    plain(`    conv_name_base = 'res' + str(stage) + block + '_branch'`),
    plain(`    bn_name_base = 'bn' + str(stage) + block + '_branch'`),
    plain('    F1, F2, F3 = filters'),
    plain('    X_shortcut = X'),
    plain(''),
  ];
}

function mergeLines(type: BlockType): CodeLine[] {
  return [
    plain(''),
    plain('    # Final step: add the shortcut to the main path, then ReLU'),
    part(type, 'merge:add', '    X = Add()([X, X_shortcut])'),
    part(type, 'merge:relu', "    X = Activation('relu')(X)"),
    plain('    return X'),
  ];
}

function identityBlockLines(): CodeLine[] {
  return [...blockHeader('identity', 'X, f, filters, stage, block'), ...mainPathLines('identity', '(1, 1)'), ...mergeLines('identity')];
}

function convolutionalBlockLines(): CodeLine[] {
  const shortcut = componentLines('convolutional', {
    branch: '1', comment: 'Shortcut path', filters: 'F3', kernel: '(1, 1)', stride: '(s, s)', padding: 'valid', relu: false,
    input: 'X_shortcut', output: 'X_shortcut',
  });
  return [
    ...blockHeader('convolutional', 'X, f, filters, stage, block, s=2'),
    ...mainPathLines('convolutional', '(s, s)'),
    plain(''),
    ...shortcut,
    ...mergeLines('convolutional'),
  ];
}

function filtersText(spec: BlockSpec): string {
  return `[${spec.filters.join(', ')}]`;
}

/** `X = convolutional_block(X, f=3, filters=[64, 64, 256], stage=2, block='a', s=1)` */
export function blockCall(spec: BlockSpec): string {
  const args = `X, f=${spec.kernel}, filters=${filtersText(spec)}, stage=${spec.stage}, block='${spec.block}'`;
  const stride = spec.type === 'convolutional' ? `, s=${spec.stride}` : '';
  return `    X = ${BLOCK_FUNCTIONS[spec.type]}(${args}${stride})`;
}

function stemLines(config: ResNetConfig): CodeLine[] {
  const { conv, pool } = STEM;
  const lines = [
    plain('    # Zero-padding, then stage 1'),
    layer(STEM_NAMES.pad, `    X = ZeroPadding2D(${pair(STEM.inputPadding)})(X_input)`),
    layer(STEM_NAMES.conv, `    X = Conv2D(${conv.filters}, ${pair(conv.kernel)}, strides=${pair(conv.stride)}, name='${STEM_NAMES.conv}', ${INIT})(X)`),
    layer(STEM_NAMES.bn, `    X = BatchNormalization(axis=3, name='${STEM_NAMES.bn}')(X)`),
    layer(STEM_NAMES.relu, "    X = Activation('relu')(X)"),
  ];
  if (config.poolPadding > 0) lines.push(layer(STEM_NAMES.poolPad, `    X = ZeroPadding2D(${pair(config.poolPadding)})(X)`));
  lines.push(layer(STEM_NAMES.pool, `    X = MaxPooling2D(${pair(pool.size)}, strides=${pair(pool.stride)})(X)`));
  return lines;
}

function stageLines(config: ResNetConfig): CodeLine[] {
  return stageSpecs(config.seedLiteral).flatMap((stage) => [
    plain(''),
    plain(`    # Stage ${stage.stage}`),
    ...stageBlocks(stage).map((spec): CodeLine => ({
      text: blockCall(spec),
      link: { kind: 'block', name: blockName(spec.stage, spec.block), type: spec.type },
    })),
  ]);
}

function resnetLines(config: ResNetConfig): CodeLine[] {
  const [h, w, c] = config.inputShape;
  const k = config.avgPoolSize;
  return [
    plain(`def ResNet50(input_shape=(${h}, ${w}, ${c}), classes=${config.classes}):`),
    plain('    X_input = Input(input_shape)'),
    plain(''),
    ...stemLines(config),
    ...stageLines(config),
    plain(''),
    plain('    # Average pooling, flatten, the fully connected layer'),
    layer(HEAD_NAMES.avgPool, `    X = AveragePooling2D(${pair(k)}, name='${HEAD_NAMES.avgPool}')(X)`),
    layer(HEAD_NAMES.flatten, '    X = Flatten()(X)'),
    layer(denseName(config.classes), `    X = Dense(classes, activation='${HEAD.activation}', name='fc' + str(classes), ${INIT})(X)`),
    plain(''),
    plain(`    model = Model(inputs=X_input, outputs=X, name='ResNet50')`),
    plain('    return model'),
  ];
}

const IMPORTS = [
  'from tensorflow.keras.layers import (Input, Add, Dense, Activation, ZeroPadding2D, BatchNormalization,',
  '                                     Flatten, Conv2D, AveragePooling2D, MaxPooling2D)',
  'from tensorflow.keras.models import Model',
  'from tensorflow.keras.initializers import glorot_uniform',
];

/** The whole listing for one configuration (its stage widths, pool padding, classes). */
export function assignmentCode(config: ResNetConfig): AssignmentCode {
  const lines: CodeLine[] = IMPORTS.map(plain);
  const functions: { name: string; line: number }[] = [];
  const add = (name: string, body: CodeLine[]) => {
    lines.push(plain(''), plain(''));
    functions.push({ name, line: lines.length });
    lines.push(...body);
  };
  add(BLOCK_FUNCTIONS.identity, identityBlockLines());
  add(BLOCK_FUNCTIONS.convolutional, convolutionalBlockLines());
  add('ResNet50', resnetLines(config));
  return { lines, functions };
}

/** The listing as one string (what the copy button copies). */
export function codeText(code: AssignmentCode): string {
  return `${code.lines.map((l) => l.text).join('\n')}\n`;
}
