/**
 * Attribution of the current image through the model client: one request at a time, with
 * its progress, cancellable; a new image (or model) drops the map made for the old one and
 * stops a run still going for it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Attribution, AttributionProgress, AttributionRequest } from '../client/types';
import { errorText, isAbortError } from '../client/errors';
import type { ImageResult } from './classify-queue';

/** A map, and the request it answers. */
export interface ShownAttribution {
  readonly attribution: Attribution;
  readonly request: AttributionRequest;
}

export interface AttributionRun {
  /** The latest map made for the image on show; it stays while another is made, and after a cancel. */
  readonly shown: ShownAttribution | null;
  readonly running: boolean;
  /** Done and total steps of the run under way (null before the first report). */
  readonly progress: AttributionProgress | null;
  readonly error: string | null;
  readonly run: (request: AttributionRequest) => void;
  readonly cancel: () => void;
}

interface State {
  /** The result (image) the state belongs to. */
  readonly result: ImageResult | null;
  readonly shown: ShownAttribution | null;
  readonly running: boolean;
  readonly progress: AttributionProgress | null;
  readonly error: string | null;
}

const IDLE = { shown: null, running: false, progress: null, error: null } as const;

export function useAttribution(result: ImageResult | null): AttributionRun {
  const [state, setState] = useState<State>({ result, ...IDLE });
  const controller = useRef<AbortController | null>(null);
  // Another image: its predecessor's map and run do not belong to it.
  const current = state.result === result ? state : { result, ...IDLE };
  if (current !== state) setState(current);
  useEffect(() => () => controller.current?.abort(), [result]);

  const run = useCallback((request: AttributionRequest) => {
    if (!result) return;
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState((s) => ({ result, shown: s.result === result ? s.shown : null, running: true, progress: null, error: null }));
    const onProgress = (progress: AttributionProgress) => {
      if (!abort.signal.aborted) setState((s) => (s.result === result ? { ...s, progress } : s));
    };
    result.handle.client.attribute(result.resultId, request, { signal: abort.signal, onProgress }).then(
      (attribution) => {
        if (abort.signal.aborted) return;
        setState((s) => (s.result === result ? { ...s, shown: { attribution, request }, running: false, progress: null } : s));
      },
      (err: unknown) => {
        const error = isAbortError(err) ? null : `The attribution could not be made: ${errorText(err)}`;
        // A newer run (it aborted this one) owns the state now.
        if (controller.current !== null && controller.current !== abort) return;
        setState((s) => (s.result === result ? { ...s, running: false, progress: null, error } : s));
      },
    );
  }, [result]);

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { ...current, run, cancel };
}
