/**
 * The tfjs backend for this page: chosen once at start from what the browser offers, and
 * switched in place (no reload, the image kept) when WebGL fails: a lost context is noticed
 * on tfjs's own canvas, and a GPU failure offers WASM. Every switch bumps `epoch`, which
 * re-opens the model session on the new backend.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackendName } from './backend-policy';
import { startBackend, switchBackend, watchContextLoss, type ActiveBackend } from './backend';
import { errorText } from './run-errors';

export interface BackendState {
  /** Null while starting or switching: nothing may run then. */
  readonly active: ActiveBackend | null;
  readonly epoch: number;
  readonly fatal: string | null;
  /** Leaves WebGL for WASM (CPU if WASM cannot start) without reloading the page. */
  readonly leaveWebGL: (why: string) => void;
}

const CONTEXT_LOST =
  'The graphics card lost its WebGL context (a driver reset, or it ran out of memory), so the explorer ' +
  'switched to WASM, which runs on the processor, and is reloading the model; your image will run again on it.';

interface Started {
  readonly active: ActiveBackend | null;
  readonly epoch: number;
  readonly fatal: string | null;
}

export function useBackend(requested: BackendName | null, onNotice: (message: string) => void): BackendState {
  const [state, setState] = useState<Started>({ active: null, epoch: 0, fatal: null });
  const current = useRef<ActiveBackend | null>(null);

  const leaveWebGL = useCallback((why: string) => {
    const from = current.current;
    if (from?.name !== 'webgl') return;
    current.current = null;
    setState((s) => ({ ...s, active: null }));
    switchBackend(['wasm', 'cpu'], why, from).then(
      (active) => {
        current.current = active;
        setState((s) => ({ active, epoch: s.epoch + 1, fatal: null }));
      },
      (err: unknown) => setState((s) => ({ ...s, fatal: errorText(err) })),
    );
  }, []);

  useEffect(() => {
    startBackend(requested).then(
      (active) => {
        current.current = active;
        setState((s) => ({ ...s, active }));
      },
      (err: unknown) => setState((s) => ({ ...s, fatal: errorText(err) })),
    );
    // The backend is chosen once per page load; asking for another one reloads the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const active = state.active;
  useEffect(() => {
    if (active?.name !== 'webgl') return undefined;
    return watchContextLoss(() => {
      onNotice(CONTEXT_LOST);
      leaveWebGL('switched to WASM after the WebGL context was lost');
    });
  }, [active, leaveWebGL, onNotice]);

  return { ...state, leaveWebGL };
}
