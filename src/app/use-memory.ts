import { useEffect, useState } from 'react';
import type { MemoryReading, ModelClient } from '../client/types';

const NONE: MemoryReading = { numTensors: 0, numBytes: 0 };

/**
 * The engine's tf.memory(), refreshed while the page is open, once a backend has started
 * (asking tfjs anything before that makes it start its own favourite backend behind ours).
 * Counted where the tensors live: inside the worker.
 */
export function useMemory(client: ModelClient | null, intervalMs = 500): MemoryReading {
  const [reading, setReading] = useState(NONE);
  useEffect(() => {
    if (!client) return undefined;
    let asking = false;
    const id = window.setInterval(() => {
      if (asking) return;
      asking = true;
      client.memory().then(
        (next) => setReading((r) => (r.numTensors === next.numTensors && r.numBytes === next.numBytes ? r : next)),
        () => undefined, // a crashed engine is reported by its own event; the last reading stays
      ).finally(() => { asking = false; });
    }, intervalMs);
    return () => window.clearInterval(id);
  }, [client, intervalMs]);
  return reading;
}
