/**
 * The two residual blocks, step by step as the assignment describes them: the name of the
 * block's input in, the plan of its layers out, every layer named from its stage and block.
 * Plain data (no tfjs): `buildResNet50` turns each entry into a tfjs layer.
 */
import { CHANNELS_AXIS, type BlockSpec } from './architecture';
import { plannedLayer, type ConvPadding, type PlannedLayer } from './layer-info';
import { bnName, convName, unnamed } from './names';
import type { Branch } from './vocabulary';

interface ConvStep {
  readonly branch: Branch;
  readonly filters: number;
  readonly kernel: number;
  readonly stride: number;
  readonly padding: ConvPadding;
  readonly relu: boolean;
}

/** The name of the last layer of a run of layers: what the next step reads. */
export function outputOf(layers: readonly PlannedLayer[]): string {
  const last = layers[layers.length - 1];
  if (!last) throw new Error('an empty run of layers has no output');
  return last.name;
}

/** One component: CONV2D -> BatchNorm on the channels axis -> ReLU (when the step has one). */
function component(input: string, spec: BlockSpec, step: ConvStep): PlannedLayer[] {
  const { stage, block } = spec;
  const role = step.branch === '1' ? 'shortcut' : 'main';
  const where = { stage, block, branch: step.branch, role } as const;
  const { filters, kernel, stride, padding } = step;
  const conv = plannedLayer(convName(stage, block, step.branch), { kind: 'conv', filters, kernel, stride, padding }, where, [input]);
  const bn = plannedLayer(bnName(stage, block, step.branch), { kind: 'batch-norm', axis: CHANNELS_AXIS }, where, [conv.name]);
  if (!step.relu) return [conv, bn];
  return [conv, bn, plannedLayer(unnamed.branchRelu(stage, block, step.branch), { kind: 'relu' }, where, [bn.name])];
}

/** The three main-path components: 1x1 "valid" (stride s), fxf "same", 1x1 "valid". */
function mainPath(input: string, spec: BlockSpec): PlannedLayer[] {
  const [f1, f2, f3] = spec.filters;
  const steps: ConvStep[] = [
    { branch: '2a', filters: f1, kernel: 1, stride: spec.stride, padding: 'valid', relu: true },
    { branch: '2b', filters: f2, kernel: spec.kernel, stride: 1, padding: 'same', relu: true },
    { branch: '2c', filters: f3, kernel: 1, stride: 1, padding: 'valid', relu: false },
  ];
  const layers: PlannedLayer[] = [];
  for (const step of steps) layers.push(...component(layers.length === 0 ? input : outputOf(layers), spec, step));
  return layers;
}

/** Final step: the main path and the shortcut are added (in that order), then ReLU. */
function merge(main: string, shortcut: string, spec: BlockSpec): PlannedLayer[] {
  const where = { stage: spec.stage, block: spec.block, branch: null, role: 'merge' } as const;
  const add = plannedLayer(unnamed.add(spec.stage, spec.block), { kind: 'add' }, where, [main, shortcut]);
  return [add, plannedLayer(unnamed.blockRelu(spec.stage, spec.block), { kind: 'relu' }, where, [add.name])];
}

/** Identity block: the input itself is the shortcut, so input and output shapes match. */
export function identityBlock(input: string, spec: BlockSpec): PlannedLayer[] {
  if (spec.type !== 'identity' || spec.stride !== 1) {
    throw new Error(`identityBlock got a ${spec.type} block with stride ${spec.stride}`);
  }
  const main = mainPath(input, spec);
  return [...main, ...merge(outputOf(main), input, spec)];
}

/** Convolutional block: a 1x1 conv with stride s + BatchNorm on the shortcut (branch 1). */
export function convolutionalBlock(input: string, spec: BlockSpec): PlannedLayer[] {
  if (spec.type !== 'convolutional') throw new Error(`convolutionalBlock got an ${spec.type} block`);
  const main = mainPath(input, spec);
  const shortcutStep: ConvStep = {
    branch: '1', filters: spec.filters[2], kernel: 1, stride: spec.stride, padding: 'valid', relu: false,
  };
  const shortcut = component(input, spec, shortcutStep);
  return [...main, ...shortcut, ...merge(outputOf(main), outputOf(shortcut), spec)];
}
