/**
 * The model client for this page, and the backend it runs on: chosen once at start from
 * what the browser offers, and switched in place (no reload, the image kept) when WebGL
 * fails: a lost context is reported by the engine, and a GPU failure offers WASM. A worker
 * that dies is replaced by a fresh one. Every change bumps `epoch`, which re-opens the model.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackendName } from '../client/backend-policy';
import { connectModel, startRequest } from '../client/connect';
import { errorText } from '../client/errors';
import type { BackendReport, ModelClient, StartRequest } from '../client/types';
import { english, said, type Said } from '../ui/i18n/i18n';

export interface EngineState {
  readonly client: ModelClient | null;
  /** Null while starting or switching: nothing may run then. */
  readonly active: BackendReport | null;
  readonly epoch: number;
  readonly fatal: string | null;
  /** Leaves WebGL for WASM (CPU if WASM cannot start) without reloading the page. */
  readonly leaveWebGL: (why: Said) => void;
  /** Why the page last left a backend: what a `switched` report means, in the page's language. */
  readonly switchedWhy: Said | null;
}


interface Started {
  readonly client: ModelClient | null;
  readonly active: BackendReport | null;
  readonly epoch: number;
  readonly fatal: string | null;
  readonly switchedWhy?: Said;
}

/** The page's one engine start, shared by every caller (StrictMode mounts effects twice). */
let first: { readonly request: StartRequest; readonly started: Promise<{ client: ModelClient; active: BackendReport }> } | null = null;

async function connectAndStart(request: StartRequest) {
  const client = await connectModel(request);
  try {
    return { client, active: await client.start(request) };
  } catch (err) {
    client.dispose();
    throw err;
  }
}

function startOnce(requested: BackendName | null) {
  if (first?.request.requested !== requested) {
    const request = startRequest(requested);
    first = { request, started: connectAndStart(request) };
  }
  return first;
}

export function useEngine(requested: BackendName | null, onNotice: (message: Said) => void): EngineState {
  const [state, setState] = useState<Started>({ client: null, active: null, epoch: 0, fatal: null });
  const current = useRef<Started>(state);
  const fail = useCallback((err: unknown) => setState((s) => ({ ...s, fatal: errorText(err) })), []);
  const adopt = useCallback((client: ModelClient, active: BackendReport) => {
    setState((s) => (current.current = { ...s, client, active, epoch: s.epoch + 1, fatal: null }));
  }, []);

  const leaveWebGL = useCallback((why: Said) => {
    const { client, active } = current.current;
    if (!client || active?.name !== 'webgl') return;
    setState((s) => (current.current = { ...s, active: null, switchedWhy: why }));
    // The engine keeps the English (logs, the command line); the page says `why` in its language.
    client.switchBackend(['wasm', 'cpu'], english.said(why)).then((next) => adopt(client, next), fail);
  }, [adopt, fail]);

  useEffect(() => {
    const { started } = startOnce(requested);
    started.then(({ client, active }) => {
      current.current = { client, active, epoch: 0, fatal: null };
      setState(current.current);
    }, fail);
    // The backend is chosen once per page load; asking for another one reloads the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const client = state.client;
  useEffect(() => {
    if (!client) return undefined;
    return client.onEvent((event) => {
      if (event.type === 'context-lost') {
        onNotice(said('engine.contextLost'));
        leaveWebGL(said('engine.switchedAfterLoss'));
        return;
      }
      onNotice(said('engine.crashed', { message: event.message }));
      client.dispose();
      setState((s) => (current.current = { ...s, active: null }));
      const request = first?.request ?? startRequest(requested);
      connectAndStart(request).then(({ client: fresh, active }) => adopt(fresh, active), fail);
    });
  }, [client, leaveWebGL, onNotice, adopt, fail, requested]);

  return { ...state, leaveWebGL, switchedWhy: state.switchedWhy ?? null };
}
