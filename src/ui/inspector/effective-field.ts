/**
 * The effective receptive field of a picked unit (the gradient of that unit with respect
 * to the input), as the page asks for it: provided by the composition root, read by the
 * channel view's receptive-field figure, so the inspector between them does not carry it.
 */
import { createContext } from 'react';
import type { UnitField, UnitRequest } from '../../client/types';

export interface EffectiveFieldApi {
  /** The latest field made for the image on show, and the unit it is for. */
  readonly shown: { readonly value: UnitField; readonly request: UnitRequest } | null;
  readonly running: boolean;
  readonly run: (request: UnitRequest) => void;
}

/** Null where no image can answer (no provider, or nothing has run). */
export const EffectiveFieldContext = createContext<EffectiveFieldApi | null>(null);
