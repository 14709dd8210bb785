/**
 * What a layer is, as plain data: its kind and position (LayerInfo) and, in the plan, the
 * settings it is built with. No tfjs: the graph, the summary and the walkthrough read these
 * without building a model.
 */
import type { CHANNELS_AXIS } from './architecture';
import type { BlockLetter, Branch, StageIndex } from './vocabulary';

export type ConvPadding = 'valid' | 'same';

interface PoolSettings {
  /** Square window side. */
  readonly poolSize: number;
  readonly stride: number;
}

/** How each kind of layer is built; `kind` tells which settings it has. */
export type LayerSettings =
  | { readonly kind: 'input'; readonly shape: readonly [number, number, number] }
  | { readonly kind: 'zero-padding'; readonly padding: number }
  | {
    readonly kind: 'conv';
    readonly filters: number;
    /** Square kernel side. */
    readonly kernel: number;
    readonly stride: number;
    readonly padding: ConvPadding;
  }
  | { readonly kind: 'batch-norm'; readonly axis: typeof CHANNELS_AXIS; readonly epsilon?: number }
  | { readonly kind: 'relu' }
  | ({ readonly kind: 'max-pool' } & PoolSettings)
  | { readonly kind: 'add' }
  | ({ readonly kind: 'avg-pool' } & PoolSettings)
  | { readonly kind: 'flatten' }
  | { readonly kind: 'dense'; readonly units: number; readonly activation: 'softmax' };

export type LayerKind = LayerSettings['kind'];

/** Where a layer sits: the stem, a block's main path or shortcut, the merge, or the head. */
export type LayerRole = 'input' | 'stem' | 'main' | 'shortcut' | 'merge' | 'head';

/** What every layer carries about itself, so nobody has to parse it out of a name. */
export interface LayerInfo {
  readonly name: string;
  readonly kind: LayerKind;
  readonly role: LayerRole;
  /** 1 for the stem, 2-5 for the stages, null for the input and the head. */
  readonly stage: StageIndex | null;
  readonly block: BlockLetter | null;
  readonly branch: Branch | null;
  /** Names of the layers feeding this one. */
  readonly inputs: readonly string[];
}

export type LayerPosition = Pick<LayerInfo, 'role' | 'stage' | 'block' | 'branch'>;

/** One entry of the layer plan: a layer's facts plus the settings it is built with. */
export interface PlannedLayer extends LayerInfo {
  readonly settings: LayerSettings;
}

/** A plan entry whose kind is its settings' kind by construction. */
export function plannedLayer(
  name: string,
  settings: LayerSettings,
  position: LayerPosition,
  inputs: readonly string[],
): PlannedLayer {
  return { name, kind: settings.kind, ...position, inputs: [...inputs], settings };
}

/** The LayerInfo of a plan entry, without its settings. */
export function layerInfoOf(layer: PlannedLayer): LayerInfo {
  const { name, kind, role, stage, block, branch, inputs } = layer;
  return { name, kind, role, stage, block, branch, inputs };
}
