/**
 * One part of the explorer alone, for an iframe on a course page (`?embed=...`): a heading
 * naming it, a link to the full explorer at the same address, the alert, and the part,
 * sized to the frame. The graph, a block and the walkthrough need only the architecture
 * (computed here, from the plan): they start no engine and download no weights. The
 * inspector runs the model (EmbeddedInspector).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { blockName, layerLessons, planSummary, presetConfig, summaryConfig, type ModelSummary } from '../model/pure';
import { GraphView } from '../ui/graph/GraphView';
import { BlockInspector } from '../ui/inspector/BlockInspector';
import { blockFacts } from '../ui/inspector/block-summary';
import { lessonSentence, lessonSentences } from '../ui/inspector/lesson-words';
import { Walkthrough } from '../ui/teaching/Walkthrough';
import { stepForLayer, walkthroughSteps, type WalkthroughStep } from '../ui/teaching/walkthrough-steps';
import { useT } from '../ui/i18n/I18n';
import type { EmbedMode } from './embed-mode';
import { EmbedFrame } from './EmbedFrame';
import { EmbeddedInspector } from './EmbeddedInspector';
import { urlNotice, useAddressBar, useUrlField, type UrlStore } from './url-state';
import type { SetNotice } from './use-read-error';
import { said, type Said } from '../ui/i18n/i18n';


interface PartProps {
  readonly urlStore: UrlStore;
  readonly notice: Said | null;
  readonly onNotice: SetNotice;
}

function usePresetSummary(urlStore: UrlStore): ModelSummary {
  const preset = useUrlField(urlStore, 'preset');
  const seedLiteral = useUrlField(urlStore, 'seedLiteral');
  return useMemo(() => planSummary(presetConfig(preset, { seedLiteral })), [preset, seedLiteral]);
}

/** The block a name stands for: a block's own name, or the block holding that layer. */
function blockFor(summary: ModelSummary, name: string): string | null {
  if (blockFacts(summary, name)) return name;
  const info = summary.layers.find((l) => l.name === name)?.info;
  return info && info.stage !== null && info.stage !== 1 && info.block !== null ? blockName(info.stage, info.block) : null;
}

/** Whether the graph can select this name: a layer, or a residual block. */
function isNode(summary: ModelSummary, name: string): boolean {
  return summary.layers.some((l) => l.name === name) || blockFacts(summary, name) !== null;
}

/** `embed=block` opens the graph at one block, chosen once from the address; none (the whole graph, with a notice) when it names none. */
function useEmbeddedBlock(summary: ModelSummary, urlStore: UrlStore, onNotice: SetNotice, wanted: boolean): string | null {
  const [asked] = useState(() => urlStore.get().layer);
  const block = useMemo(() => (!wanted || asked === null ? null : blockFor(summary, asked)), [wanted, summary, asked]);
  useEffect(() => {
    if (!wanted || block !== null) return;
    onNotice((n) => n ?? (asked === null ? said('embed.needsBlock') : said('embed.noBlock', { value: asked })));
    urlStore.update({ layer: null, channel: null });
  }, [wanted, block, asked, onNotice, urlStore]);
  return block;
}

/** The graph alone (`graph`), or opened at one block with that block's summary beside it (`block`). */
function EmbeddedGraph({ urlStore, notice, onNotice, mode }: PartProps & { readonly mode: 'graph' | 'block' }) {
  const t = useT();
  const summary = usePresetSummary(urlStore);
  const layer = useUrlField(urlStore, 'layer');
  const block = useEmbeddedBlock(summary, urlStore, onNotice, mode === 'block');
  const facts = useMemo(() => (mode === 'block' && block ? blockFacts(summary, block) : null), [mode, block, summary]);
  const lessons = useMemo(() => layerLessons(summaryConfig(summary)), [summary]);
  const descriptions = useMemo(() => lessonSentences(lessons, t), [lessons, t]);
  const known = layer !== null && isNode(summary, layer);
  useEffect(() => {
    if (mode !== 'graph' || layer === null || known) return;
    onNotice((n) => n ?? said('views.noLayer', { layer }));
    urlStore.update({ layer: null, channel: null });
  }, [mode, layer, known, onNotice, urlStore]);
  const selected = known ? layer : null;
  const select = useCallback((name: string) => urlStore.update({ layer: name, channel: null }), [urlStore]);
  const lesson = layer === null ? undefined : lessons.get(layer);
  const title = facts ? t('embed.block', { block: facts.name }) : t('embed.graph');
  return (
    <EmbedFrame mode={facts ? 'block' : 'graph'} title={title} urlStore={urlStore} error={notice}>
      <div className="embed-graph">
        <GraphView summary={summary} selected={selected} onSelect={select} descriptions={descriptions} initialOpen={facts?.name ?? null} />
        <p className="embed-caption" aria-live="polite">{lesson ? t.rich('embed.lesson', { name: lesson.name, sentence: lessonSentence(lesson, t), code: (chunks) => <code>{chunks}</code> }) : t('embed.pick')}</p>
      </div>
      {facts && (
        <div className="embed-side">
          <BlockInspector facts={facts} onSelect={select} steps={NO_STEPS} onStep={ignoreStep} block={null} />
        </div>
      )}
    </EmbedFrame>
  );
}

const NO_STEPS: readonly WalkthroughStep[] = [];
const ignoreStep = (): void => undefined;

/** The walkthrough alone; a step chosen writes its first layer to the address, so the full explorer opens there. */
function EmbeddedWalkthrough({ urlStore, notice, onNotice }: PartProps) {
  const t = useT();
  const summary = usePresetSummary(urlStore);
  const steps = useMemo(() => walkthroughSteps(summary, t), [summary, t]);
  const [asked] = useState(() => urlStore.get().layer);
  // The step of the layer or block in the address, if any.
  const [stepId, setStepId] = useState<string | null>(() => {
    const facts = asked === null ? null : blockFacts(summary, asked);
    const info = facts ? { name: facts.name, stage: facts.stage, block: facts.block, branch: null, kind: null } : summary.layers.find((l) => l.name === asked)?.info;
    return (info && stepForLayer(steps, info)?.id) ?? null;
  });
  useEffect(() => {
    if (asked === null || isNode(summary, asked)) return;
    onNotice((n) => n ?? said('views.noLayer', { layer: asked }));
    urlStore.update({ layer: null, channel: null });
  }, [asked, summary, onNotice, urlStore]);
  const onStep = useCallback((step: WalkthroughStep) => {
    setStepId(step.id);
    const first = step.layers.find((n) => summary.layers.some((l) => l.name === n));
    if (first) urlStore.update({ layer: first, channel: null });
  }, [summary, urlStore]);
  return (
    <EmbedFrame mode="walkthrough" title={t('embed.walkthrough')} urlStore={urlStore} error={notice}>
      <Walkthrough steps={steps} activeStepId={stepId} onStep={onStep} />
    </EmbedFrame>
  );
}

/** The part the address asks for, with the page's address-bar sync and the notice of what it could not give. */
export function EmbedApp({ mode, urlStore }: { readonly mode: EmbedMode; readonly urlStore: UrlStore }) {
  useAddressBar(urlStore);
  const [notice, setNotice] = useState<Said | null>(() => urlNotice(window.location.search));
  const part = { urlStore, notice, onNotice: setNotice };
  if (mode === 'walkthrough') return <EmbeddedWalkthrough {...part} />;
  if (mode === 'inspector') return <EmbeddedInspector {...part} />;
  return <EmbeddedGraph {...part} mode={mode} />;
}
