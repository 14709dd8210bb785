/** The middle of the page: graph or table, the walkthrough, and the layer inspector. */
import { useEffect, useMemo, useState } from 'react';
import type { ModelSession } from '../inspect';
import { ModelTotals } from '../ui/ModelTotals';
import { SummaryTable } from '../ui/SummaryTable';
import { GraphView } from '../ui/graph/GraphView';
import { LayerInspector } from '../ui/inspector/LayerInspector';
import { Walkthrough } from '../ui/teaching/Walkthrough';
import { stepForLayer, walkthroughSteps, type WalkthroughStep } from '../ui/teaching/walkthrough-steps';
import type { ImageResult } from './classify-queue';
import { useLayerData } from './use-layer-data';
import { useTint, type TintChoice } from './use-tint';
import type { UrlState } from './url-state';

interface Props {
  readonly session: ModelSession | null;
  /** The current image's result, only when it ran on this session. */
  readonly result: ImageResult | null;
  readonly url: UrlState;
  readonly onUrl: (patch: Partial<UrlState>) => void;
  readonly onNotice: (message: string | null) => void;
}

const TINT_LABELS: Record<TintChoice, string> = {
  none: 'No tint',
  mean: 'Mean activation',
  zeroFraction: 'Fraction of zeros',
  max: 'Maximum activation',
};

export function ExplorerViews({ session, result, url, onUrl, onNotice }: Props) {
  const [view, setView] = useState<'graph' | 'table'>('graph');
  const [tintChoice, setTintChoice] = useState<TintChoice>('mean');
  const [stepId, setStepId] = useState<string | null>(null);
  const summary = session?.summary ?? null;
  const info = summary?.layers.find((l) => l.name === url.layer) ?? null;
  const { data, loading } = useLayerData(session, result, info ? url.layer : null);
  const tint = useTint(session, result, tintChoice);
  const steps = useMemo(
    () => (summary ? walkthroughSteps(summary.preset, summary.classes, { seedLiteral: summary.seedLiteral }) : []),
    [summary],
  );

  // An unknown layer or channel in the URL falls back to the overview, with a notice.
  useEffect(() => {
    if (!summary || url.layer === null) return;
    if (!info) {
      onNotice(`There is no layer named “${url.layer}” in this model, so the overview is shown instead.`);
      onUrl({ layer: null, channel: null });
      return;
    }
    const channels = info.outputShape.length === 3 ? info.outputShape[2] : 0;
    if (url.channel !== null && url.channel >= channels) {
      onNotice(`Layer ${info.name} has no channel ${url.channel}; it has ${channels}.`);
      onUrl({ channel: null });
    }
  }, [summary, info, url.layer, url.channel, onNotice, onUrl]);

  const select = (name: string) => onUrl({ layer: name, channel: null });
  const activeStep = (stepId ? steps.find((s) => s.id === stepId) : undefined) ?? (info ? stepForLayer(steps, info.info) : undefined);
  const onStep = (step: WalkthroughStep) => {
    setStepId(step.id);
    const first = step.layers.find((n) => summary?.layers.some((l) => l.name === n));
    if (first) onUrl({ layer: first, channel: null });
  };

  if (!summary) return <section className="views building" aria-busy="true">Building ResNet50…</section>;

  return (
    <div className="views">
      <section className="graph-panel" aria-label="Architecture">
        <div className="view-bar">
          <div role="tablist" aria-label="View">
            <button role="tab" type="button" aria-selected={view === 'graph'} onClick={() => setView('graph')}>Graph</button>
            <button role="tab" type="button" aria-selected={view === 'table'} onClick={() => setView('table')}>Layer table</button>
          </div>
          <label>
            Tint{' '}
            <select value={tintChoice} onChange={(e) => setTintChoice(e.target.value as TintChoice)}>
              {(Object.keys(TINT_LABELS) as TintChoice[]).map((t) => <option key={t} value={t}>{TINT_LABELS[t]}</option>)}
            </select>
          </label>
        </div>
        <ModelTotals summary={summary} />
        {view === 'graph' ? (
          <GraphView
            summary={summary}
            selected={url.layer}
            onSelect={(name) => { setStepId(null); select(name); }}
            tint={tint}
            tintLabel={TINT_LABELS[tintChoice]}
            highlight={activeStep?.layers ?? []}
          />
        ) : (
          <SummaryTable summary={summary} selected={url.layer} onSelect={select} />
        )}
      </section>
      <aside className="teaching-panel">
        <Walkthrough steps={steps} activeStepId={activeStep?.id ?? null} onStep={onStep} />
      </aside>
      <LayerInspector
        layer={info}
        layers={summary.layers}
        data={info && data?.name === info.name ? data : null}
        loading={loading}
        channel={url.channel}
        onChannel={(channel) => onUrl({ channel })}
        onSelect={select}
      />
    </div>
  );
}
