/**
 * Opens the model for the chosen preset through the model client (downloading weights when
 * needed). When the ImageNet weights cannot be loaded the engine still builds the
 * architecture, so the graph and summary keep working, and classification is off with the
 * loader's message saying which file and what to run.
 */
import { useEffect, useMemo, useState } from 'react';
import { errorText, isAbortError } from '../client/errors';
import type { LoadState, ModelClient, OpenedModel } from '../client/types';
import type { PresetName } from '../model/pure';
import { IMAGENET_WEIGHTS } from '../model/pure';
import { useT } from '../ui/i18n/I18n';
import { weightsFailureWords } from './weights-words';

/** One opened model on one client: results are only ever shown with the handle that made them. */
export interface ModelHandle {
  readonly client: ModelClient;
  readonly model: OpenedModel;
  /** Which model this is (a preset and its variant, or one opening of a file): results are compared by it. */
  readonly key?: string;
}

export interface ModelState {
  readonly handle: ModelHandle | null;
  readonly load: LoadState;
}

/** float16 by default: half the bytes, same top-5 (see the weights tests). */
export const WEIGHTS_URL = `${import.meta.env.BASE_URL}${IMAGENET_WEIGHTS.float16.path}`;

const START: LoadState = { phase: 'building', loadedBytes: 0, totalBytes: 0, message: null };
const EMPTY: ModelState = { handle: null, load: START };

/** `epoch` changes when the backend or the engine is replaced: the model is opened again on it. */
export function useModel(client: ModelClient | null, preset: PresetName, seedLiteral: boolean, epoch = 0): ModelState {
  const key = client ? `${preset}:${seedLiteral}:${epoch}` : '';
  // A failed load keeps its reason as it came; the page words it in its language at render
  // (a switch of language must neither reload the model nor leave the message in the old one).
  const [state, setState] = useState<ModelState & { key: string; reason?: string }>({ key: '', ...EMPTY });
  const t = useT();

  useEffect(() => {
    if (!client) return undefined;
    let cancelled = false;
    let opened: OpenedModel | null = null;
    // Leaving this preset or backend mid-download stops the weight downloads at once.
    const abort = new AbortController();
    const update = (load: Partial<LoadState>) => {
      if (!cancelled) setState((s) => ({ key, handle: null, load: { ...(s.key === key ? s.load : START), ...load } }));
    };
    const request = { preset, seedLiteral, weightsUrl: WEIGHTS_URL, warmUp: true };
    client.open(request, { signal: abort.signal, onProgress: (progress) => update(progress) }).then(
      (model) => {
        if (cancelled) return void client.closeModel(model.modelId);
        opened = model;
        const load: Partial<LoadState> = model.failure ? { phase: 'failed', message: model.failure } : { phase: 'ready', message: null };
        setState((s) => ({ key, handle: { client, model, key: `${preset}:${seedLiteral}` }, load: { ...s.load, ...load } }));
      },
      (err: unknown) => {
        if (!isAbortError(err) && !cancelled) setState((s) => ({ key, handle: null, load: { ...(s.key === key ? s.load : START), phase: 'failed', message: null }, reason: errorText(err) }));
      },
    );
    return () => {
      cancelled = true;
      abort.abort();
      if (opened) void client.closeModel(opened.modelId).catch(() => undefined);
    };
  }, [client, preset, seedLiteral, key]);

  const shown = state.key === key && client ? state : null;
  return useMemo(() => {
    if (!shown) return EMPTY;
    const { handle, load, reason } = shown;
    if (reason !== undefined) return { handle, load: { ...load, message: t('model.failed', { reason }) } };
    // Opened without its weights: the engine's English is said in the page's language.
    const why = handle?.model.failureWhy;
    return why ? { handle, load: { ...load, message: t.said(weightsFailureWords(why)) } } : { handle, load };
  }, [shown, t]);
}
