/**
 * Theoretical receptive fields: for every layer of a configuration, which input pixels one
 * unit of its output can see, worked out from the layer plan and its shapes alone (no tfjs,
 * no weights), so the page's main thread, the worker and the command line all share it.
 *
 * A field is (size, jump, padding), in input pixels along one side (every map here is
 * square): the unit at index i of a layer's output covers input
 * [i * jump - padding, i * jump - padding + size - 1], centred on i * jump - padding + (size - 1) / 2.
 * Through a window of side k, stride s and leading padding p:
 *   size' = size + (k - 1) * jump, padding' = padding + p * jump, jump' = jump * s.
 */
import { UnknownLayerError } from '../inspect/errors';
import { planResNet50, planSummary, type LayerKind, type LayerSettings, type ResNetConfig, type Shape } from '../model/pure';

/** One side's field: size and jump (effective stride) in input pixels; padding is -(unit 0's first pixel). */
export interface Field {
  readonly size: number;
  readonly jump: number;
  readonly padding: number;
}

/** The field one input of an add sees, for each path into it (main path first, then the shortcut). */
export interface PathField extends Field {
  /** The layer the path arrives from, e.g. bn2a_branch2c or bn2a_branch1. */
  readonly from: string;
}

export interface ReceptiveField extends Field {
  readonly name: string;
  readonly kind: LayerKind;
  /** Side of the layer's output map; 1 for flatten and dense (see `spatial`). */
  readonly rows: number;
  readonly cols: number;
  /**
   * False for flatten and dense: no map, and every unit sees the whole field of the last
   * map, so they are given as a 1x1 map whose one unit is that field.
   */
  readonly spatial: boolean;
  /** Every path into an add, as computed; the main path (the first) is the layer's field. */
  readonly paths?: readonly PathField[];
}

/** An input region, inclusive on both ends, clipped to the image, in input pixels. */
export interface UnitRegion {
  /** First and last column (x) and row (y) the unit can see, both inclusive. */
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  /** The theoretical side before clipping (the field's size). */
  readonly size: number;
  /** Clipped sides: x1 - x0 + 1 and y1 - y0 + 1. */
  readonly width: number;
  readonly height: number;
}

const INPUT_FIELD: Field = { size: 1, jump: 1, padding: 0 };

/**
 * Leading padding of Keras/TensorFlow "same" over a side of n: the total
 * max((ceil(n / s) - 1) * s + k - n, 0) is split with the odd pixel at the end, so the
 * start gets floor(total / 2). A kxk stride-1 conv (k odd) gets (k - 1) / 2; a 1x1
 * stride-2 conv gets none, and a 3x3 stride-2 conv on an even side gets 0 before, 1 after.
 */
export function samePaddingBefore(n: number, kernel: number, stride: number): number {
  const total = Math.max((Math.ceil(n / stride) - 1) * stride + kernel - n, 0);
  return Math.floor(total / 2);
}

/** Through a window of side k, stride s and leading padding p (in the layer's input units). */
function throughWindow(f: Field, kernel: number, stride: number, pad: number): Field {
  return { size: f.size + (kernel - 1) * f.jump, jump: f.jump * stride, padding: f.padding + pad * f.jump };
}

function side(shape: Shape, name: string): number {
  const [rows, cols] = shape;
  if (rows !== cols) throw new Error(`layer "${name}" has a ${rows}x${cols} map; receptive fields here assume square maps`);
  return rows;
}

/**
 * The field of one layer from its (first) input's field and that input's side n. Flatten
 * reads the whole map at once: a window the size of the map (so dense, after it, too).
 */
function fieldOf(settings: LayerSettings, input: Field, n: () => number): Field {
  switch (settings.kind) {
    case 'input':
      return INPUT_FIELD;
    case 'zero-padding':
      return { ...input, padding: input.padding + settings.padding * input.jump };
    case 'conv': {
      const { kernel, stride } = settings;
      const pad = settings.padding === 'same' ? samePaddingBefore(n(), kernel, stride) : 0;
      return throughWindow(input, kernel, stride, pad);
    }
    case 'max-pool':
    case 'avg-pool':
      return throughWindow(input, settings.poolSize, settings.stride, 0);
    case 'flatten':
      return throughWindow(input, n(), n(), 0);
    case 'batch-norm':
    case 'relu':
    case 'dense':
    case 'add':
      // Elementwise (and dense on a flattened 1x1 field): each unit sees what its input saw.
      return input;
  }
}

function pick({ size, jump, padding }: Field): Field {
  return { size, jump, padding };
}

/** Fields by configuration: a click in the page asks for one layer's, the plan is the same. */
const cache = new Map<string, readonly ReceptiveField[]>();

/** Every layer's theoretical receptive field, in the plan's (build) order, input first. */
export function receptiveFields(config: ResNetConfig): ReceptiveField[] {
  const key = JSON.stringify(config);
  const known = cache.get(key) ?? computeFields(config);
  cache.set(key, known);
  return [...known];
}

function computeFields(config: ResNetConfig): ReceptiveField[] {
  const shapes = new Map(planSummary(config).layers.map((l) => [l.name, l.outputShape]));
  const done = new Map<string, ReceptiveField>();
  return planResNet50(config).layers.map((layer) => {
    const inputs = layer.inputs.map((from) => {
      const f = done.get(from);
      const shape = shapes.get(from);
      if (!f || !shape) throw new Error(`layer "${layer.name}" reads "${from}" before it is planned`);
      return { from, field: f, n: () => side(shape, from) };
    });
    const [first] = inputs;
    const own = first ? fieldOf(layer.settings, first.field, first.n) : INPUT_FIELD;
    const shape = shapes.get(layer.name) ?? [];
    const spatial = shape.length === 3;
    const n = spatial ? side(shape, layer.name) : 1;
    const field: ReceptiveField = { name: layer.name, kind: layer.kind, ...pick(own), rows: n, cols: n, spatial };
    // An add: the main path (its first input) decides the field it reports; the shortcut
    // sees a smaller field with the same centre, and both are kept for whoever draws them.
    const result = layer.kind === 'add' ? { ...field, paths: inputs.map(({ from, field: f }) => ({ from, ...pick(f) })) } : field;
    done.set(layer.name, result);
    return result;
  });
}

/** One layer's field; an unknown name throws UnknownLayerError naming the nearest layers. */
export function receptiveField(config: ResNetConfig, layerName: string): ReceptiveField {
  const fields = receptiveFields(config);
  const found = fields.find((f) => f.name === layerName);
  if (!found) throw new UnknownLayerError(layerName, fields.map((f) => f.name));
  return found;
}

/** The input coordinate the unit at `index` (along one side) is centred on; may be fractional. */
export function unitCentre(field: Field, index: number): number {
  return index * field.jump - field.padding + (field.size - 1) / 2;
}

function checkUnit(field: ReceptiveField, row: number, col: number): void {
  const inside = (i: number, n: number) => Number.isInteger(i) && i >= 0 && i < n;
  if (inside(row, field.rows) && inside(col, field.cols)) return;
  throw new Error(
    `unit (${row}, ${col}) is outside ${field.name}'s ${field.rows}x${field.cols} map: ` +
    `use a row from 0 to ${field.rows - 1} and a column from 0 to ${field.cols - 1}`,
  );
}

/**
 * The input region the unit at (row, col) of the field's layer can see, clipped to an
 * input of `inputSize` pixels (a side, or [height, width]); bounds are inclusive.
 * Throws a plain Error when the unit is outside the layer's map.
 */
export function unitRegion(
  field: ReceptiveField,
  row: number,
  col: number,
  inputSize: number | readonly [number, number],
): UnitRegion {
  checkUnit(field, row, col);
  const [height, width] = typeof inputSize === 'number' ? [inputSize, inputSize] : inputSize;
  const span = (i: number, n: number) => {
    const start = i * field.jump - field.padding;
    return [Math.max(start, 0), Math.min(start + field.size - 1, n - 1)] as const;
  };
  const [x0, x1] = span(col, width);
  const [y0, y1] = span(row, height);
  if (x1 < x0 || y1 < y0) {
    throw new Error(`unit (${row}, ${col}) of ${field.name} sees only padding, no input pixel`);
  }
  return { x0, y0, x1, y1, size: field.size, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}
