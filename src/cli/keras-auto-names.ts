/**
 * Keras names unnamed layers by class and count (`activation`, `activation_1`, ...), and the
 * assignment's code leaves the ReLUs, adds and pools unnamed, so students type those names.
 * Counted in build order, they most likely mean the layer of that class at that position.
 */
import { snakeCase } from '../formats/keras-config';

interface NamedLayer {
  readonly name: string;
  /** Keras class name: Activation, Add, ZeroPadding2D, ... */
  readonly type: string;
}

/** The layer an automatic Keras name most likely means here, with its place in its class; null when it is not one. */
export function kerasAutoNameOf(auto: string, layers: readonly NamedLayer[]): { name: string; nth: number; type: string } | null {
  const counts = new Map<string, number>();
  for (const layer of layers) {
    const base = snakeCase(layer.type);
    const k = counts.get(base) ?? 0;
    counts.set(base, k + 1);
    if ((k === 0 ? base : `${base}_${k}`) === auto) return { name: layer.name, nth: k + 1, type: layer.type };
  }
  return null;
}
