/**
 * Tensors derived from a model's weights (the explain room's backward kernels), made once,
 * on first use, and freed with the model: whoever disposes the model calls `releaseDerived`
 * (ModelSession.dispose does). Made outside every tf.tidy scope's reach (kept), so a
 * first use inside a tidy does not free them at its end.
 */
import * as tf from '@tensorflow/tfjs';

const caches = new WeakMap<tf.LayersModel, Map<string, ReadonlyMap<string, tf.Tensor>>>();

/** The tensors `make` derives from `model` under `key`, made on the first call. */
export function derivedTensors(model: tf.LayersModel, key: string, make: () => Map<string, tf.Tensor>): ReadonlyMap<string, tf.Tensor> {
  let byKey = caches.get(model);
  if (!byKey) {
    byKey = new Map();
    caches.set(model, byKey);
  }
  let found = byKey.get(key);
  if (!found) {
    const made = make();
    for (const t of made.values()) tf.keep(t);
    found = made;
    byKey.set(key, found);
  }
  return found;
}

/** Frees every tensor derived from `model`; the next use makes them again. */
export function releaseDerived(model: tf.LayersModel): void {
  const byKey = caches.get(model);
  if (!byKey) return;
  for (const tensors of byKey.values()) tf.dispose([...tensors.values()]);
  caches.delete(model);
}
