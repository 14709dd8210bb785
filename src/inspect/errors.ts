import { nearestNames } from './labels';

/** A layer name the model does not have; the message suggests the nearest ones. */
export class UnknownLayerError extends Error {
  override readonly name = 'UnknownLayerError';
  readonly suggestions: readonly string[];

  constructor(readonly layer: string, known: readonly string[]) {
    const suggestions = nearestNames(layer, known);
    super(`unknown layer "${layer}": did you mean ${suggestions.join(', ')}?`);
    this.suggestions = suggestions;
  }
}
