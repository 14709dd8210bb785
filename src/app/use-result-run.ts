/**
 * A long request about the current image (an attribution, a unit's effective field) through
 * the model client: one at a time, with its progress, cancellable; a new image (or model)
 * drops what was made for the old one and stops a run still going for it. What was shown
 * stays while the next is made, and after a cancel or a failure.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttributeOptions, AttributionProgress, ModelClient } from '../client/types';
import { errorText, isAbortError } from '../client/errors';
import type { ImageResult } from './classify-queue';
import { useT } from '../ui/i18n/I18n';
import type { MessageId } from '../ui/i18n/i18n';

/** An answer, and the request it answers. */
export interface Shown<Req, Res> {
  readonly value: Res;
  readonly request: Req;
}

export interface ResultRun<Req, Res> {
  /** The latest answer for the image on show. */
  readonly shown: Shown<Req, Res> | null;
  readonly running: boolean;
  /** Done and total steps of the run under way (null before the first report). */
  readonly progress: AttributionProgress | null;
  readonly error: string | null;
  readonly run: (request: Req) => void;
  readonly cancel: () => void;
}

export type ResultCall<Req, Res> = (client: ModelClient, resultId: number, request: Req, options: AttributeOptions) => Promise<Res>;

interface State<Req, Res> {
  /** The result (image) the state belongs to. */
  readonly result: ImageResult | null;
  readonly shown: Shown<Req, Res> | null;
  readonly running: boolean;
  readonly progress: AttributionProgress | null;
  /** Why the run failed, as it came: said in the page's language at render (see `error`). */
  readonly reason: string | null;
}

const IDLE = { shown: null, running: false, progress: null, reason: null } as const;

/** `call` must be stable (a module-level function); `failed` is the message for its errors (`{reason}`). */
export function useResultRun<Req, Res>(result: ImageResult | null, call: ResultCall<Req, Res>, failed: MessageId): ResultRun<Req, Res> {
  const t = useT();
  const [state, setState] = useState<State<Req, Res>>({ result, ...IDLE });
  const controller = useRef<AbortController | null>(null);
  // Another image: its predecessor's answer and run do not belong to it.
  const current = state.result === result ? state : { result, ...IDLE };
  if (current !== state) setState(current);
  useEffect(() => () => controller.current?.abort(), [result]);

  const run = useCallback((request: Req) => {
    if (!result) return;
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState((s) => ({ result, shown: s.result === result ? s.shown : null, running: true, progress: null, reason: null }));
    const onProgress = (progress: AttributionProgress) => {
      if (!abort.signal.aborted) setState((s) => (s.result === result ? { ...s, progress } : s));
    };
    call(result.handle.client, result.resultId, request, { signal: abort.signal, onProgress }).then(
      (value) => {
        if (abort.signal.aborted) return;
        setState((s) => (s.result === result ? { ...s, shown: { value, request }, running: false, progress: null } : s));
      },
      (err: unknown) => {
        // A newer run (it aborted this one) owns the state now.
        if (controller.current !== abort) return;
        const reason = isAbortError(err) ? null : errorText(err);
        setState((s) => (s.result === result ? { ...s, running: false, progress: null, reason } : s));
      },
    );
  }, [result, call]);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const { reason, ...shown } = current;
  return { ...shown, error: reason === null ? null : t(failed, { reason }), run, cancel };
}
