/** Builds the chosen ResNet50 live on the active backend and keeps its summary. */
import * as tf from '@tensorflow/tfjs';
import { useEffect, useState } from 'react';
import { buildResNet50, presetConfig, summarize, type BuiltResNet, type ModelSummary, type PresetName } from '../model';

export type SummaryState =
  | { readonly status: 'building' }
  | { readonly status: 'ready'; readonly summary: ModelSummary; readonly buildMs: number }
  | { readonly status: 'failed'; readonly message: string };

type Keyed = SummaryState & { readonly key: string };

export function useModelSummary(ready: boolean, preset: PresetName, seedLiteral: boolean): SummaryState {
  const key = `${preset}:${seedLiteral}`;
  const [state, setState] = useState<Keyed | null>(null);
  useEffect(() => {
    if (!ready) return undefined;
    let built: BuiltResNet | null = null;
    // Let the "building" state paint before the main thread is busy.
    const timer = window.setTimeout(() => {
      const start = performance.now();
      try {
        built = buildResNet50(presetConfig(preset, { seedLiteral }));
        setState({ key, status: 'ready', summary: summarize(built), buildMs: performance.now() - start });
      } catch (err) {
        const message = `Could not build the model: ${err instanceof Error ? err.message : String(err)}`;
        setState({ key, status: 'failed', message });
      }
    }, 30);
    return () => {
      window.clearTimeout(timer);
      built?.model.dispose();
    };
  }, [ready, preset, seedLiteral, key]);
  // A summary of another configuration is stale: show "building" until ours arrives.
  return state && state.key === key ? state : { status: 'building' };
}

/** tf.memory().numTensors, refreshed while the page is open. */
export function useTensorCount(intervalMs = 500): number {
  const [count, setCount] = useState(() => tf.memory().numTensors);
  useEffect(() => {
    const id = window.setInterval(() => setCount(tf.memory().numTensors), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return count;
}
