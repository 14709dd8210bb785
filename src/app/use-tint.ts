import { useEffect, useState } from 'react';
import type { LayerScalar, ModelSession } from '../inspect';
import type { ImageResult } from './classify-queue';

export type TintChoice = 'none' | LayerScalar;

/** One statistic per layer for the current image, to tint the graph with. */
export function useTint(session: ModelSession | null, result: ImageResult | null, choice: TintChoice) {
  const key = session && result && result.session === session && choice !== 'none' ? `${result.id}:${choice}` : '';
  const [state, setState] = useState<{ key: string; values: Map<string, number> | null }>({ key: '', values: null });
  useEffect(() => {
    if (!key || !session || choice === 'none') return undefined;
    let cancelled = false;
    session.inspector.layerScalars(choice).then(
      (values) => { if (!cancelled) setState({ key, values }); },
      () => { if (!cancelled) setState({ key, values: null }); },
    );
    return () => { cancelled = true; };
  }, [key, session, choice]);
  return state.key === key && key ? state.values : null;
}
