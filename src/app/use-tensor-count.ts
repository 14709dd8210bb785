import * as tf from '@tensorflow/tfjs';
import { useEffect, useState } from 'react';

export interface MemoryReading {
  readonly numTensors: number;
  readonly numBytes: number;
}

function read(): MemoryReading {
  const { numTensors, numBytes } = tf.memory();
  return { numTensors, numBytes };
}

/** tf.memory(), refreshed while the page is open. */
export function useMemory(intervalMs = 500): MemoryReading {
  const [reading, setReading] = useState(read);
  useEffect(() => {
    const id = window.setInterval(() => {
      const next = read();
      setReading((r) => (r.numTensors === next.numTensors && r.numBytes === next.numBytes ? r : next));
    }, intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return reading;
}
