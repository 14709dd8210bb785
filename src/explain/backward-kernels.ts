/**
 * The kernels of a hand-written backward pass through the network's convolutions, made
 * once per model and freed with it (model/derived.ts). Each conv's kernel is multiplied by
 * the scale of the BatchNorm right after it (inference-mode BatchNorm is a per-channel
 * scale, so d/d(conv output) = scale x d/d(BN output)), and laid out so that the conv's
 * input gradient is one forward conv2d (XNNPACK on WASM, several times faster than its
 * Conv2DBackpropInput loop, and no transpose or reverse per call):
 * - 1x1, any stride: the transposed matrix, [1, 1, out, in];
 * - k x k, stride 1: flipped in space with in and out swapped, [k, k, out, in];
 * - k x k, stride s > 1 (the stem's 7x7/2): the phase form, [d, d, out, s * s * in]
 *   (see phaseKernel).
 */
import * as tf from '@tensorflow/tfjs';
import { derivedTensors, planResNet50, type BuiltResNet, type PlannedLayer } from '../model';
import { batchNormScale } from './layer-ops';

/** BatchNorms whose scale is folded into the conv before them (the conv feeds nothing else). */
export function foldedBatchNorms(layers: readonly PlannedLayer[]): Set<string> {
  const consumers = new Map<string, PlannedLayer[]>();
  for (const layer of layers) for (const name of layer.inputs) consumers.set(name, [...(consumers.get(name) ?? []), layer]);
  const folded = new Set<string>();
  for (const layer of layers) {
    if (layer.settings.kind !== 'conv') continue;
    const after = consumers.get(layer.name) ?? [];
    if (after.length === 1 && after[0].settings.kind === 'batch-norm') folded.add(after[0].name);
  }
  return folded;
}

/**
 * A stride-s convolution as a stride-1 one over the s x s phases of its input
 * (x_pq[m, n] = x[s m + p, s n + q], stacked on the channels): tap (a, b) of the kernel
 * is tap (a / s, b / s) of phase (a % s, b % s), so the kernel becomes d x d with
 * d = ceil(k / s). Its input gradient is then a stride-1 full correlation, whose kernel is
 * this one flipped with in and out swapped: [d, d, out, s * s * in], channel (p s + q) in + c.
 */
function phaseKernel(kernel: Float32Array, k: number, cin: number, cout: number, s: number): tf.Tensor4D {
  const d = Math.ceil(k / s);
  const phases = s * s * cin;
  const out = new Float32Array(d * d * cout * phases);
  for (let a = 0; a < k; a += 1) {
    for (let b = 0; b < k; b += 1) {
      const tap = ((d - 1 - Math.floor(a / s)) * d + (d - 1 - Math.floor(b / s))) * cout;
      const phase = ((a % s) * s + (b % s)) * cin;
      for (let c = 0; c < cin; c += 1) {
        for (let o = 0; o < cout; o += 1) out[(tap + o) * phases + phase + c] = kernel[((a * k + b) * cin + c) * cout + o];
      }
    }
  }
  return tf.tensor4d(out, [d, d, cout, phases]);
}

/** One conv's backward kernel, from its kernel [k, k, in, out] and stride, times `scale` per output channel. Call inside tf.tidy. */
export function backwardKernel(kernel: tf.Tensor4D, stride: number, scale: tf.Tensor | null): tf.Tensor4D {
  const [k, , cin, cout] = kernel.shape;
  const scaled = (scale ? kernel.mul(scale) : kernel) as tf.Tensor4D;
  if (k === 1) return scaled.reshape([cin, cout]).transpose().reshape([1, 1, cout, cin]);
  if (stride === 1) return scaled.reverse([0, 1]).transpose([0, 1, 3, 2]);
  return phaseKernel(scaled.dataSync() as Float32Array, k, cin, cout, stride);
}

/**
 * The model's backward kernels, by conv name, and the scale of each BatchNorm not folded
 * into a conv, by BN name. Still the model's: never dispose them.
 */
export function backwardKernels(built: BuiltResNet): ReadonlyMap<string, tf.Tensor> {
  return derivedTensors(built.model, 'backward-kernels', () => {
    const layers = planResNet50(built.config).layers;
    const folded = foldedBatchNorms(layers);
    const made = new Map<string, tf.Tensor>();
    for (const layer of layers) {
      if (layer.settings.kind === 'conv') {
        const { stride } = layer.settings;
        const bn = layers.find((l) => l.inputs.includes(layer.name) && folded.has(l.name));
        made.set(layer.name, tf.tidy(() => {
          const scale = bn ? batchNormScale(built.model.getLayer(bn.name)) : null;
          return backwardKernel(built.model.getLayer(layer.name).getWeights()[0] as tf.Tensor4D, stride, scale);
        }));
      } else if (layer.settings.kind === 'batch-norm' && !folded.has(layer.name)) {
        made.set(layer.name, tf.tidy(() => batchNormScale(built.model.getLayer(layer.name))));
      }
    }
    return made;
  });
}
