import { startTransition, useCallback, useEffect, useState } from 'react';
import type { NamedBlob } from '../ui/view-data';
import { ClassifyQueue, type DecodedInput, type QueueSnapshot } from './classify-queue';
import { decodeImageBlob } from './decode-image-browser';
import type { ModelHandle } from './use-model';

export interface Classifier extends QueueSnapshot {
  submit(files: readonly NamedBlob[]): void;
  /** A camera frame (see ClassifyQueue.submitFrame). */
  submitFrame(name: string, image: DecodedInput): void;
  cancel(): void;
  /** Shows a file of the run again, from its thumbnail (see ClassifyQueue.recall). */
  recall(id: number): void;
  /** Keeps the result on show as A for a comparison; unpin lets it go. */
  pin(): void;
  unpin(): void;
}

const NO_LESION: readonly string[] = [];

const IDLE: QueueSnapshot = { items: [], result: null, pinned: null, error: null, gpuError: false, busy: false };

/** The classify queue as React state, fed with the current model. One queue per page. */
export function useClassifier(handle: ModelHandle | null, lesion: readonly string[] = NO_LESION): Classifier {
  const [snapshot, setSnapshot] = useState<QueueSnapshot>(IDLE);
  // State, not a memo: React may throw a memo away, and this queue holds the page's images.
  const [queue] = useState(() => new ClassifyQueue({
    decode: (blob) => decodeImageBlob(blob, {}),
    objectUrl: (blob) => URL.createObjectURL(blob),
    revokeUrl: (url) => URL.revokeObjectURL(url),
    // A transition: a result's render (predictions, panels) is sliced, never one long task.
    onChange: (next) => startTransition(() => setSnapshot(next)),
  }));
  useEffect(() => queue.setModel(handle), [queue, handle]);
  useEffect(() => queue.setLesion(lesion), [queue, lesion]);
  useEffect(() => () => queue.dispose(), [queue]);
  const submit = useCallback((files: readonly NamedBlob[]) => queue.submit(files), [queue]);
  const submitFrame = useCallback((name: string, image: DecodedInput) => queue.submitFrame(name, image), [queue]);
  const cancel = useCallback(() => queue.cancel(), [queue]);
  const recall = useCallback((id: number) => queue.recall(id), [queue]);
  const pin = useCallback(() => queue.pin(), [queue]);
  const unpin = useCallback(() => queue.unpin(), [queue]);
  return { ...snapshot, submit, submitFrame, cancel, recall, pin, unpin };
}
