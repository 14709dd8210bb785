import { useId } from 'react';
import { formatShape, stageLabel } from '../../model/pure';
import { useT } from '../i18n/I18n';
import type { Translate } from '../i18n/i18n';
import { CHAPTERS, stepForLayer, type Chapter, type WalkthroughStep } from '../teaching/walkthrough-steps';
import type { BlockFacts } from './block-summary';
import type { BlockSwitch } from './LayerHeader';
import './inspector.css';

interface Props {
  readonly facts: BlockFacts;
  readonly onSelect: (layer: string) => void;
  readonly steps: readonly WalkthroughStep[];
  readonly onStep: (step: WalkthroughStep) => void;
  /** The block's on/off switch (null: not switchable here). */
  readonly block: BlockSwitch | null;
}

/** The walkthrough steps about this block: its stage's step, and its kind's chapter. */
function stepsFor(facts: BlockFacts, steps: readonly WalkthroughStep[], t: Translate) {
  const own = stepForLayer(steps, { name: facts.name, stage: facts.stage, block: facts.block, branch: null, kind: null });
  const chapter = CHAPTERS.find((c) => c.id === `${facts.type}-block`);
  const first = chapter ? steps.find((s) => s.chapter === chapter.id) : undefined;
  const chapterText = (id: Chapter, example: string | null) => {
    const title = t(`chapter.${id}`);
    return example === facts.name
      ? t('block.ownExample', { chapter: title, name: facts.name })
      : t('block.workedOn', { chapter: title, example: example ?? t('block.anExample') });
  };
  return [
    ...(own ? [{ step: own, text: own.title }] : []),
    ...(chapter && first ? [{ step: first, text: chapterText(chapter.id, chapter.example) }] : []),
  ];
}

/** A residual block opened in the inspector: what it is, its shapes, its layers and parameters, where the walkthrough explains it. */
export function BlockInspector({ facts, onSelect, steps, onStep, block }: Props) {
  const t = useT();
  return (
    <section className="insp insp-block" aria-label={t('insp.label')}>
      <header className="insp-title">
        <h2><code>{facts.name}</code></h2>
        <ul className="insp-facts" aria-label={t('block.facts')}>
          <li className="insp-kind">{t(`block.kind.${facts.type}`)}</li>
          <li>{t('table.block', { stage: stageLabel(facts.stage), block: facts.block })}</li>
          <li>{t('graph.layers', { count: facts.layers.length })}</li>
        </ul>
      </header>
      <p className="insp-note">{t(`block.type.${facts.type}`)}</p>
      <BlockSummaryList facts={facts} />
      {block && (
        <p className="insp-block-switch">
          <button type="button" role="switch" aria-checked={!block.off} onClick={() => block.onToggle(block.name)}>{t('insp.blockButton', { name: block.name })}</button>
          <span className="insp-muted">{t(block.off ? 'insp.blockOff' : 'insp.blockOn')}</span>
        </p>
      )}
      <div className="insp-block-steps">
        <h3 className="insp-subhead">{t('block.inWalkthrough')}</h3>
        <ul>
          {stepsFor(facts, steps, t).map(({ step, text }) => (
            <li key={step.id}><button type="button" className="insp-step-link" onClick={() => onStep(step)}>{text}</button></li>
          ))}
        </ul>
      </div>
      <BlockLayers facts={facts} onSelect={onSelect} />
    </section>
  );
}

/** What goes in and comes out, and the block's parameters, trainable or not. */
function BlockSummaryList({ facts }: { readonly facts: BlockFacts }) {
  const t = useT();
  const nonTrainable = facts.params - facts.trainableParams;
  return (
    <div role="group" aria-label={t('block.summary')}>
      <dl className="insp-settings">
        <div><dt>{t('block.input')}</dt><dd><code>{formatShape(facts.inputShape)}</code>{' '}{t('block.from', { layer: facts.inputLayer })}</dd></div>
        <div><dt>{t('block.output')}</dt><dd><code>{formatShape(facts.outputShape)}</code>{' '}{t('block.at', { layer: facts.outputLayer })}</dd></div>
        <div className="insp-settings-params">
          <dt>{t('insp.parameters')}</dt>
          <dd>
            {t('block.params', { total: t.count(facts.params), trainable: t.count(facts.trainableParams), nonTrainable: t.count(nonTrainable) })}
            <span className="insp-muted">{' '}{t('block.paramsWhy')}</span>
          </dd>
        </div>
      </dl>
    </div>
  );
}

/** The block's layers in build order, each a button that opens it. */
function BlockLayers({ facts, onSelect }: { readonly facts: BlockFacts; readonly onSelect: (layer: string) => void }) {
  const t = useT();
  const layersId = useId();
  return (
    <div>
      <h3 className="insp-subhead" id={layersId}>{t('block.layers')}</h3>
      <ol className="insp-block-layers" aria-labelledby={layersId}>
        {facts.layers.map((l) => (
          <li key={l.name}>
            <button type="button" aria-label={t('block.open', { name: l.name })} onClick={() => onSelect(l.name)}>
              <code>{l.name}</code>
              <span className="insp-muted">{` ${l.type} · ${formatShape(l.outputShape)} · ${t('insp.params', { count: t.count(l.params) })}`}</span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
