/**
 * How many gradients a batch computes at once (SmoothGrad, integrated gradients), from the
 * layer plan alone (no tfjs: the bench page reports it too). A batch holds its forward
 * pass's ReLU and pool outputs for the backward pass (backprop.ts: ~10 M floats an image on
 * ImageNet, 0.7 M on SIGNS) and a few gradient maps. On WASM a batch does not make the
 * gradients cheaper per image (the convolutions are compute-bound: see bench/README.md,
 * "batched forward passes"), so the batch stays small enough for progress and Cancel to
 * come every few gradients: 4 on ImageNet at 224, 16 on SIGNS at 64.
 */
import { planSummary, type ResNetConfig } from '../model/pure';

/** Recorded floats a batch may hold (~190 MB). */
const BATCH_FLOATS = 48e6;
const MAX_BATCH = 16;

/** Floats one image's forward pass keeps for its backward pass: the ReLU outputs, the max pool's input and output. */
export function recordedFloats(config: ResNetConfig): number {
  const layers = planSummary(config).layers;
  const kept = new Set<string>();
  for (const l of layers) {
    if (l.info.kind === 'relu') kept.add(l.name);
    if (l.info.kind === 'max-pool') [l.name, ...l.inputs].forEach((n) => kept.add(n));
  }
  return layers.filter((l) => kept.has(l.name)).reduce((n, l) => n + l.outputShape.reduce((a, b) => a * b, 1), 0);
}

/** Images per batch for this model. */
export function batchSize(config: ResNetConfig): number {
  return Math.max(1, Math.min(MAX_BATCH, Math.floor(BATCH_FLOATS / recordedFloats(config))));
}
