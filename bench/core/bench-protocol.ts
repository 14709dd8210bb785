/**
 * The bench worker's own channel (a MessagePort it hands the page at start), beside the
 * model client's messages: the baseline's calls. Plain data only.
 */
import type { Pixels } from '../../src/client/types';

export interface BenchCalls {
  /** Opens the bare model (`preset`; ImageNet: the weights under `weightsUrl`) with the sample as its input; answers loadMs. */
  open: [preset: 'imagenet' | 'signs', weightsUrl: string, image: Pixels];
  /** One bare predict; answers its milliseconds, timed in the worker. */
  predict: [];
  /** One bare predict of `batch` copies of the sample in one batch; answers its milliseconds. */
  predictBatch: [batch: number];
  /** Frees the bare model and its input. */
  close: [];
}

export type BenchCall = keyof BenchCalls;

export interface BenchRequest {
  readonly id: number;
  readonly call: BenchCall;
  readonly args: BenchCalls[BenchCall];
}

export type BenchAnswer =
  | { readonly id: number; readonly value: number }
  | { readonly id: number; readonly error: string };

/** What the bench worker posts first on its global scope: the port for the calls above. */
export interface BenchPortMessage {
  readonly kind: 'bench-port';
  readonly port: MessagePort;
}
