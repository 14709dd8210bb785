import * as tf from '@tensorflow/tfjs';
import { useEffect, useState } from 'react';

export interface MemoryReading {
  readonly numTensors: number;
  readonly numBytes: number;
}

const NONE: MemoryReading = { numTensors: 0, numBytes: 0 };

/** tf.memory(), or null while a backend is still starting (tfjs throws then). */
function read(): MemoryReading | null {
  try {
    const { numTensors, numBytes } = tf.memory();
    return { numTensors, numBytes };
  } catch {
    return null;
  }
}

/**
 * tf.memory(), refreshed while the page is open, once `ready` (a backend has started):
 * asking tfjs anything before that makes it start its own favourite backend behind ours.
 */
export function useMemory(ready: boolean, intervalMs = 500): MemoryReading {
  const [reading, setReading] = useState(NONE);
  useEffect(() => {
    if (!ready) return undefined;
    const id = window.setInterval(() => {
      const next = read();
      if (!next) return;
      setReading((r) => (r.numTensors === next.numTensors && r.numBytes === next.numBytes ? r : next));
    }, intervalMs);
    return () => window.clearInterval(id);
  }, [ready, intervalMs]);
  return reading;
}
