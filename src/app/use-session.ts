/**
 * Opens the model session for the chosen preset (downloading weights when needed) on the
 * current backend. When the ImageNet weights cannot be loaded, the architecture is still
 * built (seeded weights, nothing downloaded) so the graph and summary keep working, and
 * classification is switched off with the loader's message saying which file and what to run.
 */
import { useEffect, useState } from 'react';
import { ModelSession, type SessionLoad } from '../inspect';
import type { PresetName } from '../model';
import { createFetchSource } from '../model/weights/source';
import { IMAGENET_WEIGHTS } from '../model/weights/descriptor';
import { errorText } from './run-errors';

export type LoadState = SessionLoad;

export interface SessionState {
  /** The model the graph, summary and inspector show. */
  readonly session: ModelSession | null;
  /** False when `session` is the architecture only (its weights failed to load). */
  readonly canClassify: boolean;
  readonly load: LoadState;
}

/** float16 by default: half the bytes, same top-5 (see the weights tests). */
export const WEIGHTS_URL = `${import.meta.env.BASE_URL}${IMAGENET_WEIGHTS.float16.path}`;

const START: LoadState = { phase: 'building', loadedBytes: 0, totalBytes: 0, message: null };
const EMPTY: SessionState = { session: null, canClassify: false, load: START };

const ARCHITECTURE_ONLY =
  ' The architecture is still shown (built without its weights); classification is off until the weights load.';

interface Opened {
  readonly session: ModelSession;
  readonly failure: string | null;
}

type LoadUpdate = (load: Partial<LoadState>) => void;

async function openSession(preset: PresetName, seedLiteral: boolean, update: LoadUpdate, signal: AbortSignal): Promise<Opened> {
  try {
    const session = await ModelSession.open({
      preset,
      seedLiteral,
      weights: createFetchSource(WEIGHTS_URL, undefined, signal),
      warmUp: true,
      onPhase: (phase) => update({ phase }),
      onProgress: ({ loadedBytes, totalBytes }) => update({ loadedBytes, totalBytes }),
    });
    return { session, failure: null };
  } catch (err) {
    // Only the ImageNet preset downloads anything; the others have nothing to fall back to.
    // Nor does a load nobody wants any more (another preset or backend was chosen).
    if (preset !== 'imagenet' || seedLiteral || signal.aborted) throw err;
    const failure = `The model could not be loaded: ${errorText(err)}${ARCHITECTURE_ONLY}`;
    return { session: await ModelSession.open({ preset, seedLiteral, architectureOnly: true }), failure };
  }
}

/** `epoch` changes when the backend is switched in place: the session is opened again on it. */
export function useSession(ready: boolean, preset: PresetName, seedLiteral: boolean, epoch = 0): SessionState {
  const key = `${preset}:${seedLiteral}:${epoch}`;
  const [state, setState] = useState<SessionState & { key: string }>({ key: '', ...EMPTY });

  useEffect(() => {
    if (!ready) return undefined;
    let cancelled = false;
    // Downloads still under way when one file has failed keep reporting: ignore them then.
    let settled = false;
    let opened: ModelSession | null = null;
    // Leaving this preset or backend mid-download stops the weight downloads at once.
    const abort = new AbortController();
    const update: LoadUpdate = (load) => {
      if (!cancelled && !settled) setState((s) => ({ key, session: null, canClassify: false, load: { ...(s.key === key ? s.load : START), ...load } }));
    };
    openSession(preset, seedLiteral, update, abort.signal).then(
      ({ session, failure }) => {
        if (cancelled) return session.dispose();
        settled = true;
        opened = session;
        const load: Partial<LoadState> = failure ? { phase: 'failed', message: failure } : { phase: 'ready', message: null };
        setState((s) => ({ key, session, canClassify: failure === null, load: { ...s.load, ...load } }));
      },
      (err: unknown) => {
        update({ phase: 'failed', message: `The model could not be loaded: ${errorText(err)}` });
        settled = true;
      },
    );
    return () => {
      cancelled = true;
      abort.abort();
      opened?.dispose();
    };
  }, [ready, preset, seedLiteral, key]);

  return state.key === key && ready ? state : EMPTY;
}
