/**
 * Two held images, layer by layer: cosine similarity and relative L2 distance of their
 * activations, for every layer both hold (a lesioned pass lacks its removed branches),
 * reduced on the backend and read back in one download.
 */
import * as tf from '@tensorflow/tfjs';
import type { Inspector } from './inspector';
import { readAndDispose } from './read';
import type { Comparison, LayerComparison } from './types';

/** Four sums per layer: A·B, A·A, B·B and (A − B)·(A − B) (the last exactly 0 for equal maps). */
const SUMS = 4;

function sums(a: tf.Tensor, b: tf.Tensor): tf.Tensor[] {
  const [x, y] = [a.reshape([-1]), b.reshape([-1])];
  const d = x.sub(y);
  return [x.mul(y).sum(), x.square().sum(), y.square().sum(), d.square().sum()];
}

export function comparisonOf(name: string, dot: number, aa: number, bb: number, dd: number): LayerComparison {
  const [na, nb] = [Math.sqrt(aa), Math.sqrt(bb)];
  const cosine = na === 0 || nb === 0 ? (na === nb ? 1 : 0) : Math.max(-1, Math.min(1, dot / (na * nb)));
  const relativeL2 = na === 0 ? (dd === 0 ? 0 : Infinity) : Math.sqrt(dd) / na;
  return { name, cosine, relativeL2 };
}

/** Captures `a` and `b` of one inspector (the same model), compared at every layer both hold. */
export async function compareCaptures(inspector: Inspector, a: number, b: number): Promise<Comparison> {
  const inB = new Set(inspector.heldNames(b));
  const names = inspector.heldNames(a).filter((name) => inB.has(name));
  const packed = tf.tidy(() => tf.stack(names.flatMap((name) => sums(inspector.activation(name, a), inspector.activation(name, b)))));
  const v = await readAndDispose(packed);
  return { layers: names.map((name, i) => comparisonOf(name, v[SUMS * i], v[SUMS * i + 1], v[SUMS * i + 2], v[SUMS * i + 3])) };
}
