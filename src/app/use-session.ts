/** Opens the model session for the chosen preset (downloading weights when needed). */
import { useEffect, useState } from 'react';
import { ModelSession, type SessionLoad } from '../inspect';
import type { PresetName } from '../model';
import { createFetchSource } from '../model/weights/source';
import { IMAGENET_WEIGHTS } from '../model/weights/descriptor';

export type LoadState = SessionLoad;

export interface SessionState {
  readonly session: ModelSession | null;
  readonly load: LoadState;
}

/** float16 by default: half the bytes, same top-5 (see the weights tests). */
export const WEIGHTS_URL = `${import.meta.env.BASE_URL}${IMAGENET_WEIGHTS.float16.path}`;

const START: LoadState = { phase: 'building', loadedBytes: 0, totalBytes: 0, message: null };

function describeFailure(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return `The model could not be loaded: ${message}`;
}

export function useSession(ready: boolean, preset: PresetName, seedLiteral: boolean): SessionState {
  const key = `${preset}:${seedLiteral}`;
  const [state, setState] = useState<SessionState & { key: string }>({ key: '', session: null, load: START });

  useEffect(() => {
    if (!ready) return undefined;
    let cancelled = false;
    let opened: ModelSession | null = null;
    const update = (load: Partial<LoadState>) => {
      if (!cancelled) setState((s) => ({ key, session: s.key === key ? s.session : null, load: { ...(s.key === key ? s.load : START), ...load } }));
    };
    ModelSession.open({
      preset,
      seedLiteral,
      weights: createFetchSource(WEIGHTS_URL),
      warmUp: true,
      onPhase: (phase) => update({ phase }),
      onProgress: ({ loadedBytes, totalBytes }) => update({ loadedBytes, totalBytes }),
    }).then(
      (session) => {
        if (cancelled) return session.dispose();
        opened = session;
        setState((s) => ({ key, session, load: { ...s.load, phase: 'ready', message: null } }));
      },
      (err: unknown) => update({ phase: 'failed', message: describeFailure(err) }),
    );
    return () => {
      cancelled = true;
      opened?.dispose();
    };
  }, [ready, preset, seedLiteral, key]);

  return state.key === key ? state : { session: null, load: START };
}
