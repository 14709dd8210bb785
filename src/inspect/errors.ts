import { nearestNames } from './labels';

/** A layer name the model does not have; the message suggests the nearest ones. */
export class UnknownLayerError extends Error {
  override readonly name = 'UnknownLayerError';
  readonly suggestions: readonly string[];

  /** `meant`: what an automatic Keras name most likely stands for (cli/keras-auto-names.ts). */
  constructor(readonly layer: string, known: readonly string[], meant?: string) {
    const suggestions = meant ? [meant] : nearestNames(layer, known);
    super(meant ? `unknown layer "${layer}": ${meant}` : `unknown layer "${layer}": did you mean ${suggestions.join(', ')}?`);
    this.suggestions = suggestions;
  }
}
