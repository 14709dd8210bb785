/**
 * The middle of the page: graph or table, the walkthrough, and the layer inspector.
 *
 * Selecting a layer is the interaction people repeat most, so it re-renders little: this
 * component reads the selection from the URL store (the page around it does not re-render),
 * and every panel below is memoised on props that a new selection leaves alone.
 */
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { receptiveFields, type ReceptiveField } from '../explain/receptive-field';
import { blockName, layerLessons, summaryConfig, TINT_STATISTICS, type LayerLesson, type LayerSummary, type ModelSummary, type TintStatistic } from '../model/pure';
import { ModelTotals } from '../ui/ModelTotals';
import { SummaryTable } from '../ui/SummaryTable';
import type { RgbaImage } from '../ui/view-data';
import { GraphView } from '../ui/graph/GraphView';
import { LesionPanel } from '../ui/explain/LesionPanel';
import { BlockInspector } from '../ui/inspector/BlockInspector';
import { blockFacts } from '../ui/inspector/block-summary';
import { lessonSentences } from '../ui/inspector/lesson-words';
import './views-layout.css';
import { AssignmentCodePanel } from '../ui/teaching/AssignmentCodePanel';
import { Walkthrough } from '../ui/teaching/Walkthrough';
import { stepForLayer, walkthroughSteps, type WalkthroughStep } from '../ui/teaching/walkthrough-steps';
import { useT } from '../ui/i18n/I18n';
import { said } from '../ui/i18n/i18n';
import type { ImageResult } from './classify-queue';
import type { Lesion } from './use-lesion';
import { readLayerSoon, useTint } from './use-layer-data';
import { useUrlField, type UrlState, type UrlStore } from './url-state';
import { useReadError } from './use-read-error';
import { StepBack } from './StepBack';
import { CompareSection } from './CompareViews';
import { InspectorPanel } from './InspectorPanel';
import { useInspectorScroll } from './use-inspector-scroll';
import type { ModelHandle } from './use-model';
import type { CompareState } from './use-compare';
import type { SetNotice } from './use-read-error';

interface Props {
  /** The architecture: shown as soon as it is known, before any weights have arrived. */
  readonly summary: ModelSummary | null;
  /** The current image's result, only when it ran on the current model. */
  readonly result: ImageResult | null;
  readonly urlStore: UrlStore;
  /** The page's notice (the alert): set, or withdrawn with an updater. */
  readonly onNotice: SetNotice;
  /** The network's input for the image shown (receptive fields are outlined on it). */
  readonly input: RgbaImage | null;
  /** Blocks switched off, and their toggles. */
  readonly lesion: Lesion;
  /** A pinned image and the one on show, compared. */
  readonly compare: CompareState;
  /** The model on show (its layers' weights are read from it). */
  readonly model?: ModelHandle | null;
}

type View = 'graph' | 'table';
type TintChoice = 'none' | TintStatistic;
type UrlPatch = (patch: Partial<UrlState>) => void;

const NO_LAYERS: readonly string[] = [];


/** An unknown layer or channel in the URL falls back to the overview, with a notice. */
function useUrlFallback(summary: ModelSummary | null, info: LayerSummary | null, url: Pick<UrlState, 'layer' | 'channel'>, onUrl: UrlPatch, onNotice: Props['onNotice'], isBlock = false) {
  const { layer, channel } = url;
  useEffect(() => {
    if (!summary || layer === null || isBlock) return;
    if (!info) {
      onNotice(said('views.noLayer', { layer }));
      onUrl({ layer: null, channel: null });
      return;
    }
    const channels = info.outputShape.length === 3 ? info.outputShape[2] : 0;
    if (channel !== null && channel >= channels) {
      onNotice(channels === 0
        ? said('views.noChannels', { name: info.name, shape: info.outputShape.join(' × ') })
        : said('views.noChannel', { name: info.name, channel: String(channel + 1), channels: String(channels) }));
      onUrl({ channel: null });
    }
  }, [summary, info, layer, channel, onNotice, onUrl, isBlock]);
}

interface ArchitectureFacts {
  readonly fields: ReadonlyMap<string, ReceptiveField>;
  readonly lessons: ReadonlyMap<string, LayerLesson>;
  /** Each layer's lesson as one sentence, for the graph's node descriptions. */
  readonly descriptions: ReadonlyMap<string, string>;
}

/** Every layer's theoretical receptive field and settings, by name, from the architecture alone. */
function useArchitectureFacts(summary: ModelSummary | null): ArchitectureFacts {
  const t = useT();
  return useMemo(() => {
    if (!summary) return { fields: new Map(), lessons: new Map(), descriptions: new Map() };
    const config = summaryConfig(summary);
    const lessons = layerLessons(config);
    const descriptions = lessonSentences(lessons, t);
    return { fields: new Map(receptiveFields(config).map((f) => [f.name, f])), lessons, descriptions };
  }, [summary, t]);
}

/** The walkthrough's steps and the active one: chosen there, or the step of the selected layer. */
function useWalkthrough(summary: ModelSummary | null, info: LayerSummary | null, onUrl: UrlPatch) {
  const [stepId, setStepId] = useState<string | null>(null);
  const t = useT();
  const steps = useMemo(
    () => (summary ? walkthroughSteps(summary, t) : []),
    [summary, t],
  );
  const activeStep = (stepId ? steps.find((s) => s.id === stepId) : undefined) ?? (info ? stepForLayer(steps, info.info) : undefined);
  const onStep = useCallback((step: WalkthroughStep) => {
    setStepId(step.id);
    const first = step.layers.find((n) => summary?.layers.some((l) => l.name === n));
    if (first) onUrl({ layer: first, channel: null });
  }, [summary, onUrl]);
  const clearStep = useCallback(() => setStepId(null), []);
  return { steps, activeStep, onStep, clearStep };
}

interface ViewBarProps {
  readonly view: View;
  readonly onView: (view: View) => void;
  readonly tint: TintChoice;
  readonly onTint: (tint: TintChoice) => void;
}

const ViewBar = memo(function ViewBar({ view, onView, tint, onTint }: ViewBarProps) {
  const t = useT();
  return (
    <div className="view-bar">
      <div role="tablist" aria-label={t('views.view')}>
        <button role="tab" type="button" aria-selected={view === 'graph'} onClick={() => onView('graph')}>{t('views.graph')}</button>
        <button role="tab" type="button" aria-selected={view === 'table'} onClick={() => onView('table')}>{t('views.table')}</button>
      </div>
      {view === 'graph' && (
      <label>
        {t('views.tint')}{' '}
        <select value={tint} onChange={(e) => onTint(e.target.value as TintChoice)}>
          <option value="none">{t('tint.none')}</option>
          {TINT_STATISTICS.map((s) => <option key={s.id} value={s.id}>{t(`tint.${s.id}`)}</option>)}
        </select>
      </label>
      )}
    </div>
  );
});

export const ExplorerViews = memo(function ExplorerViews({ summary, result, urlStore, onNotice, input, lesion, compare, model = null }: Props) {
  const t = useT();
  const layer = useUrlField(urlStore, 'layer');
  const channel = useUrlField(urlStore, 'channel');
  const onUrl = urlStore.update;
  const [view, setView] = useState<View>('graph');
  const [tintChoice, setTintChoice] = useState<TintChoice>('mean');
  const info = useMemo(() => summary?.layers.find((l) => l.name === layer) ?? null, [summary, layer]);
  // A residual block opened in the graph (or named in the URL) is summarised instead.
  const openBlock = useMemo(() => (summary && layer && !info ? blockFacts(summary, layer) : null), [summary, layer, info]);
  useUrlFallback(summary, info, { layer, channel }, onUrl, onNotice, openBlock !== null);
  const { fields, lessons, descriptions } = useArchitectureFacts(summary);
  const { tint, error: tintError } = useTint(result, tintChoice === 'none' ? null : tintChoice);
  useReadError(tintError, onNotice);
  const { steps, activeStep, onStep, clearStep } = useWalkthrough(summary, info, onUrl);

  const scroll = useInspectorScroll();
  const { request: keepInView, requestLit, stepBack, backToStep, leaveStep } = scroll;
  // A step picked in the walkthrough (below the graph, on a phone) brings its lit nodes into view.
  const pickStep = useCallback((step: WalkthroughStep) => {
    onStep(step);
    requestLit();
  }, [onStep, requestLit]);
  // Picking a layer anywhere (graph, table, previous/next) leaves the walkthrough step.
  const select = useCallback((name: string) => {
    readLayerSoon(result, name);
    clearStep();
    leaveStep();
    keepInView();
    onUrl({ layer: name, channel: null });
  }, [result, clearStep, leaveStep, keepInView, onUrl]);
  // Opening a block in the graph summarises it, without leaving the graph.
  const selectBlock = useCallback((name: string) => {
    clearStep();
    leaveStep();
    onUrl({ layer: name, channel: null });
  }, [clearStep, leaveStep, onUrl]);
  const onChannel = useCallback((c: number | null) => onUrl({ channel: c }), [onUrl]);
  // A walkthrough chip opens its layer and leaves the step open.
  const openLayer = useCallback((name: string) => {
    readLayerSoon(result, name);
    leaveStep();
    keepInView();
    onUrl({ layer: name, channel: null });
  }, [result, leaveStep, keepInView, onUrl]);
  const where = info?.info;
  const blockOf = openBlock?.name ?? (where && where.stage !== null && where.stage !== 1 && where.block ? blockName(where.stage, where.block) : null);
  const { offSet, toggle } = lesion;
  const blockSwitch = useMemo(() => (blockOf ? { name: blockOf, off: offSet.has(blockOf), onToggle: toggle } : null), [blockOf, offSet, toggle]);
  const layerNames = useMemo(() => new Set(summary?.layers.map((l) => l.name) ?? []), [summary]);
  const config = useMemo(() => (summary ? summaryConfig(summary) : null), [summary]);
  const { back: goBack, backRef, ref: inspectorRef } = scroll;
  const back = useMemo(() => (
    <button type="button" className="views-back" onClick={() => goBack(layer)}>
      <span aria-hidden="true">↑ </span>{t(view === 'table' ? 'views.backTable' : 'views.backGraph')}
    </button>
  ), [goBack, layer, view, t]);

  if (!summary) return <section className="views building" aria-busy="true">{t('views.building')}</section>;

  return (
    <div className={view === 'table' ? 'views table-view' : 'views'}>
      <section className="graph-panel" aria-label={t('views.architecture')} ref={backRef}>
        <ViewBar view={view} onView={setView} tint={tintChoice} onTint={setTintChoice} />
        {stepBack && activeStep && <StepBack title={activeStep.title} onBack={backToStep} />}
        <ModelTotals summary={summary} />
        {view === 'graph' ? (
          <GraphView
            summary={summary}
            selected={layer}
            onSelect={select}
            tint={tint}
            tintLabel={t(tintChoice === 'none' ? 'tint.none' : `tint.${tintChoice}`)}
            highlight={activeStep?.layers ?? NO_LAYERS}
            descriptions={descriptions}
            off={lesion.offSet}
            switchable={lesion.names}
            onToggleBlock={lesion.toggle}
            onOpenBlock={selectBlock}
          />
        ) : (
          <SummaryTable summary={summary} selected={layer} onSelect={select} fields={fields} />
        )}
      </section>
      <div className="views-side">
        <div className="views-inspector" ref={inspectorRef}>
          {openBlock ? (
            <BlockInspector facts={openBlock} onSelect={select} steps={steps} onStep={onStep} block={lesion.names.has(openBlock.name) ? blockSwitch : null} />
          ) : (
            <InspectorPanel
              result={result}
              model={model}
              layer={info}
              layers={summary.layers}
              channel={channel}
              onChannel={onChannel}
              onSelect={select}
              onNotice={onNotice}
              field={(info && fields.get(info.name)) ?? null}
              lesson={(info && lessons.get(info.name)) ?? null}
              block={blockSwitch}
              input={input}
              compare={compare}
              back={back}
            />
          )}
        </div>
        <aside className="teaching-panel">
          <Walkthrough steps={steps} activeStepId={activeStep?.id ?? null} onStep={pickStep} onLayer={openLayer} layerNames={layerNames} followSelection={false} />
          {config && <AssignmentCodePanel config={config} open={info?.info ?? null} layers={summary.layers} onLayer={select} />}
          <LesionPanel blocks={lesion.blocks} off={lesion.offSet} onToggle={lesion.toggle} onReset={lesion.reset} />
        </aside>
      </div>
      <CompareSection compare={compare} summary={summary} selected={layer} onOpen={openLayer} onNotice={onNotice} />
    </div>
  );
});
