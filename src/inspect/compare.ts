/**
 * Two held images, layer by layer: cosine similarity and relative L2 distance of their
 * activations, for every layer both hold (a lesioned pass lacks its removed branches),
 * reduced on the backend and read back in one download.
 *
 * Per layer only ‖A − B‖² and each image's ‖·‖² are summed; A · B follows from them,
 * (‖A‖² + ‖B‖² − ‖A − B‖²) / 2. An image's squared norms are kept (plain numbers) while it is
 * held, so a pinned A compared with one B after another costs one full-size subtraction and
 * square per layer, not four products: about half the memory traffic of summing A · B, A · A,
 * B · B and (A − B)² anew. ‖A − B‖² is summed from the differences, so the relative distance
 * is exact (0 for equal maps, where the cosine is 1); the cosine's error from the float32 sums
 * is of the order of 1e-4, under the three decimals it is shown with.
 */
import * as tf from '@tensorflow/tfjs';
import type { Inspector } from './inspector';
import { readAndDispose } from './read';
import type { Comparison, LayerComparison } from './types';

export function comparisonOf(name: string, dot: number, aa: number, bb: number, dd: number): LayerComparison {
  const [na, nb] = [Math.sqrt(aa), Math.sqrt(bb)];
  const cosine = na === 0 || nb === 0 ? (na === nb ? 1 : 0) : dd === 0 ? 1 : Math.max(-1, Math.min(1, dot / (na * nb)));
  const relativeL2 = na === 0 ? (dd === 0 ? 0 : Infinity) : Math.sqrt(dd) / na;
  return { name, cosine, relativeL2 };
}

/** Squared norms by layer, per held capture of each inspector. */
const squaredNorms = new WeakMap<Inspector, Map<number, Map<string, number>>>();

/** The kept norms of `inspector`'s captures, without those it no longer holds. */
function keptNorms(inspector: Inspector): Map<number, Map<string, number>> {
  let kept = squaredNorms.get(inspector);
  if (!kept) squaredNorms.set(inspector, (kept = new Map()));
  for (const id of kept.keys()) {
    try {
      inspector.heldNames(id);
    } catch {
      kept.delete(id);
    }
  }
  return kept;
}

const squaredSum = (t: tf.Tensor) => t.square().sum();

/** Captures `a` and `b` of one inspector (the same model), compared at every layer both hold. */
export async function compareCaptures(inspector: Inspector, a: number, b: number): Promise<Comparison> {
  const inB = new Set(inspector.heldNames(b));
  const names = inspector.heldNames(a).filter((name) => inB.has(name));
  const kept = keptNorms(inspector);
  const normsOf = (id: number) => kept.get(id) ?? kept.set(id, new Map()).get(id) ?? new Map<string, number>();
  const [normsA, normsB] = [normsOf(a), normsOf(b)];
  const missing = (norms: Map<string, number>) => names.filter((name) => !norms.has(name));
  const [needA, needB] = [missing(normsA), a === b ? [] : missing(normsB)];
  const packed = tf.tidy(() => tf.stack([
    ...names.map((name) => squaredSum(inspector.activation(name, a).sub(inspector.activation(name, b)))),
    ...needA.map((name) => squaredSum(inspector.activation(name, a))),
    ...needB.map((name) => squaredSum(inspector.activation(name, b))),
  ]));
  const v = await readAndDispose(packed);
  needA.forEach((name, i) => normsA.set(name, v[names.length + i]));
  needB.forEach((name, i) => normsB.set(name, v[names.length + needA.length + i]));
  return {
    layers: names.map((name, i) => {
      const [aa, bb, dd] = [normsA.get(name) ?? 0, normsB.get(name) ?? 0, v[i]];
      return comparisonOf(name, (aa + bb - dd) / 2, aa, bb, dd);
    }),
  };
}
