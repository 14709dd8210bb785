import { useEffect, useMemo, useState } from 'react';
import type { ModelSession } from '../inspect';
import { ClassifyQueue, type QueueSnapshot } from './classify-queue';
import { decodeImageBlob } from './decode-image-browser';

export interface Classifier extends QueueSnapshot {
  submit(files: readonly { readonly name: string; readonly blob: Blob }[]): void;
  cancel(): void;
}

/** The classify queue as React state, fed with the current model session. */
export function useClassifier(session: ModelSession | null): Classifier {
  const [snapshot, setSnapshot] = useState<QueueSnapshot>({ items: [], result: null, error: null, gpuError: false, busy: false });
  const queue = useMemo(
    () =>
      new ClassifyQueue({
        decode: (blob) => decodeImageBlob(blob, {}),
        objectUrl: (blob) => URL.createObjectURL(blob),
        revokeUrl: (url) => URL.revokeObjectURL(url),
        onChange: setSnapshot,
      }),
    [],
  );
  useEffect(() => queue.setSession(session), [queue, session]);
  useEffect(() => () => queue.dispose(), [queue]);
  return { ...snapshot, submit: (files) => queue.submit(files), cancel: () => queue.cancel() };
}
