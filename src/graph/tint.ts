/**
 * Tinting nodes by a statistic of their activation: one sequential colour scale over the
 * values shown, a legend for it, and each group coloured by its output (last) layer.
 */
import { format, interpolateRgbBasis, scaleLinear, scaleSequential } from 'd3';
import type { GraphTree } from './tree';

/** Paper to deep orange, around the page's accent (#c2410c). */
const RAMP = ['#fff7ed', '#fed7aa', '#fb923c', '#c2410c', '#7c2d12'];
/** Above this point of the ramp, dark text stops being readable. */
const DARK_FROM = 0.62;

export interface LegendTick {
  readonly value: number;
  readonly label: string;
  /** 0..1 along the legend bar. */
  readonly offset: number;
}

export interface Tint {
  readonly domain: readonly [number, number];
  /** Fill colour for a value. */
  fill(value: number): string;
  /** Text colour readable on `fill(value)`. */
  ink(value: number): string;
  readonly ticks: readonly LegendTick[];
  /** Gradient stops for the legend bar. */
  readonly stops: readonly { offset: number; color: string }[];
}

/**
 * Layers that hold the image itself, mean-centred: the input, and zero-padding applied
 * straight to it (conv1_pad). Their values (about -124 to 152 in caffe mode) would swamp
 * every other layer's on one colour scale, so they are not tinted.
 */
export function imageLayers(tree: GraphTree): Set<string> {
  const out = new Set<string>();
  for (const item of tree.byId.values()) {
    if (item.type !== 'layer') continue;
    if (item.layerKind === 'input') out.add(item.name);
  }
  for (const item of tree.byId.values()) {
    if (item.type === 'layer' && item.layerKind === 'zero-padding' && item.inputs.every((name) => out.has(name))) out.add(item.name);
  }
  return out;
}

/** Every item's value: a layer its own, a group its output layer's; the image layers have none. */
export function nodeTintValues(tree: GraphTree, values: ReadonlyMap<string, number>): Map<string, number> {
  const image = imageLayers(tree);
  const out = new Map<string, number>();
  for (const [id, item] of tree.byId) {
    const layer = item.type === 'layer' ? item.name : item.totals.outputLayer;
    const v = values.get(layer);
    if (v !== undefined && Number.isFinite(v) && !image.has(layer)) out.set(id, v);
  }
  return out;
}

/** A tint value as the legend and a node's description spell it. */
export const formatTintValue = format('.3~g');

function domainOf(values: Iterable<number>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (lo > hi) return null;
  // A flat domain would divide by zero; widen it so the one value sits mid-ramp.
  return lo === hi ? [lo - 0.5, hi + 0.5] : [lo, hi];
}

/** A scale over the given values; null when there is nothing finite to show. */
export function createTint(values: Iterable<number>, tickCount = 4): Tint | null {
  const domain = domainOf(values);
  if (!domain) return null;
  const scale = scaleSequential(interpolateRgbBasis(RAMP)).domain(domain).clamp(true);
  const position = scaleLinear().domain(domain).range([0, 1]).clamp(true);
  const ticks = position.ticks(tickCount).map((value) => ({ value, label: formatTintValue(value), offset: position(value) }));
  return {
    domain,
    fill: (v) => scale(v),
    ink: (v) => (position(v) >= DARK_FROM ? '#ffffff' : '#1d2230'),
    ticks,
    stops: RAMP.map((color, i) => ({ offset: i / (RAMP.length - 1), color })),
  };
}
