import { useId } from 'react';
import { formatCount, formatShape, stageLabel } from '../../model/pure';
import { CHAPTERS, stepForLayer, type WalkthroughStep } from '../teaching/walkthrough-steps';
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

const TYPE_WORDS = {
  convolutional: 'Convolutional block: a 1×1 convolution and BatchNorm on the shortcut resize the input to the output’s shape',
  identity: 'Identity block: the shortcut carries the input unchanged, so input and output have one shape',
} as const;

/** The walkthrough steps about this block: its stage's step, and its kind's chapter. */
function stepsFor(facts: BlockFacts, steps: readonly WalkthroughStep[]) {
  const own = stepForLayer(steps, { name: facts.name, stage: facts.stage, block: facts.block, branch: null, kind: null });
  const chapter = CHAPTERS.find((c) => c.id === `${facts.type}-block`);
  const first = chapter ? steps.find((s) => s.chapter === chapter.id) : undefined;
  return [
    ...(own ? [{ step: own, text: own.title }] : []),
    ...(chapter && first ? [{ step: first, text: `${chapter.title}${chapter.example === facts.name ? ` (${facts.name} is its worked example)` : `, worked through on ${chapter.example ?? 'an example'}`}` }] : []),
  ];
}

/** A residual block opened in the inspector: what it is, its shapes, its layers and parameters, where the walkthrough explains it. */
export function BlockInspector({ facts, onSelect, steps, onStep, block }: Props) {
  const layersId = useId();
  const nonTrainable = facts.params - facts.trainableParams;
  return (
    <section className="insp insp-block" aria-label="Layer inspector">
      <header className="insp-title">
        <h2><code>{facts.name}</code></h2>
        <ul className="insp-facts" aria-label="Block facts">
          <li className="insp-kind">{facts.type === 'convolutional' ? 'Convolutional block' : 'Identity block'}</li>
          <li>{`${stageLabel(facts.stage)} · block ${facts.block}`}</li>
          <li>{`${facts.layers.length} layers`}</li>
        </ul>
      </header>
      <p className="insp-note">{`${TYPE_WORDS[facts.type]}.`}</p>
      <div role="group" aria-label="Block summary">
        <dl className="insp-settings">
          <div><dt>Input</dt><dd><code>{formatShape(facts.inputShape)}</code>{` from ${facts.inputLayer}`}</dd></div>
          <div><dt>Output</dt><dd><code>{formatShape(facts.outputShape)}</code>{` at ${facts.outputLayer}`}</dd></div>
          <div className="insp-settings-params">
            <dt>Parameters</dt>
            <dd>
              {`${formatCount(facts.params)}: ${formatCount(facts.trainableParams)} trainable, ${formatCount(nonTrainable)} non-trainable`}
              <span className="insp-muted"> (BatchNorm’s moving means and variances)</span>
            </dd>
          </div>
        </dl>
      </div>
      {block && (
        <p className="insp-block-switch">
          <button type="button" role="switch" aria-checked={!block.off} onClick={() => block.onToggle(block.name)}>{`Block ${block.name}`}</button>
          <span className="insp-muted">{block.off ? ' is switched off: its residual branch is removed for this image.' : ' is on. Switch it off to run the image without its residual branch.'}</span>
        </p>
      )}
      <div className="insp-block-steps">
        <h3 className="insp-subhead">In the walkthrough</h3>
        <ul>
          {stepsFor(facts, steps).map(({ step, text }) => (
            <li key={step.id}><button type="button" className="insp-step-link" onClick={() => onStep(step)}>{text}</button></li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="insp-subhead" id={layersId}>Its layers</h3>
        <ol className="insp-block-layers" aria-labelledby={layersId}>
          {facts.layers.map((l) => (
            <li key={l.name}>
              <button type="button" aria-label={`Open ${l.name}`} onClick={() => onSelect(l.name)}>
                <code>{l.name}</code>
                <span className="insp-muted">{` ${l.type} · ${formatShape(l.outputShape)} · ${formatCount(l.params)} parameters`}</span>
              </button>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
