import { useId, useState, type FormEvent } from 'react';
import type { Attribution, AttributionMethod, AttributionProgress, AttributionRequest, IgBaseline, Prediction } from '../../client/types';
import { IG_STEPS, SMOOTHGRAD } from '../../explain/types';
import type { RgbaImage } from '../view-data';
import { AttributionView, METHOD_NAMES } from './AttributionView';
import './explain.css';

export interface AttributionPanelProps {
  /** The image's top classes; the first is explained unless another is picked. */
  readonly predictions: readonly Prediction[] | null;
  /** Every class's name, by index, for "another class". */
  readonly labels: readonly string[];
  /** Layers with a spatial output, for Grad-CAM, and the default one (the last block's output). */
  readonly layers: readonly string[];
  readonly defaultLayer: string | null;
  readonly input: RgbaImage | null;
  readonly shown: { readonly attribution: Attribution; readonly request: AttributionRequest } | null;
  readonly running: boolean;
  readonly progress: AttributionProgress | null;
  readonly onRun: (request: AttributionRequest) => void;
  readonly onCancel: () => void;
}

const METHODS: readonly { readonly id: AttributionMethod; readonly hint: string }[] = [
  { id: 'gradcam', hint: 'where a layer’s features raise the class score' },
  { id: 'saliency', hint: 'which pixels the score is most sensitive to' },
  { id: 'smoothgrad', hint: 'saliency averaged over noisy copies: less speckle' },
  { id: 'ig', hint: 'each pixel’s share of the score, from a baseline image to this one' },
];

const OTHER = 'other';

/** Pick a class and a method, run it, and see the map over the input. */
export function AttributionPanel(props: AttributionPanelProps) {
  const { predictions, labels, layers, defaultLayer, input, shown, running, progress, onRun, onCancel } = props;
  const [method, setMethod] = useState<AttributionMethod>('gradcam');
  const [classChoice, setClassChoice] = useState('');
  const [otherLabel, setOtherLabel] = useState('');
  const [layer, setLayer] = useState<string | null>(null);
  const [steps, setSteps] = useState<number>(IG_STEPS.default);
  const [baseline, setBaseline] = useState<IgBaseline>('black');
  const [samples, setSamples] = useState<number>(SMOOTHGRAD.samples);
  const [noise, setNoise] = useState<number>(SMOOTHGRAD.sigma * 100);
  const ids = { cls: useId(), other: useId(), list: useId(), layer: useId(), steps: useId(), base: useId(), samples: useId(), noise: useId() };
  const ready = predictions !== null && predictions.length > 0 && input !== null;
  const chosenClass = classChoice === '' && predictions?.[0] ? String(predictions[0].index) : classChoice;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!ready) return;
    const target = chosenClass === OTHER ? { label: otherLabel.trim() } : { classIndex: Number(chosenClass) };
    const request: AttributionRequest = {
      method,
      ...target,
      ...(method === 'gradcam' ? { layer: layer ?? defaultLayer ?? undefined } : {}),
      ...(method === 'ig' ? { steps, baseline } : {}),
      ...(method === 'smoothgrad' ? { samples, sigma: noise / 100 } : {}),
    };
    onRun(request);
  };

  return (
    <section className="explain" aria-label="Why it decided">
      <h2>Why it decided</h2>
      {!ready && <p className="explain-hint">Run an image, then ask which pixels or features made the network choose a class.</p>}
      {ready && (
        <form onSubmit={submit} className="explain-form" aria-label="Attribution settings">
          <div className="explain-row">
            <label htmlFor={ids.cls}>Class</label>
            <select id={ids.cls} value={chosenClass} disabled={!ready} onChange={(e) => setClassChoice(e.target.value)}>
              {(predictions ?? []).map((p, i) => <option key={p.index} value={String(p.index)}>{`${i + 1}. ${p.label}`}</option>)}
              <option value={OTHER}>Another class by name…</option>
            </select>
          </div>
          {chosenClass === OTHER && (
            <div className="explain-row">
              <label htmlFor={ids.other}>Class name</label>
              <input id={ids.other} list={ids.list} value={otherLabel} onChange={(e) => setOtherLabel(e.target.value)} required />
              <datalist id={ids.list}>{labels.map((l) => <option key={l} value={l} />)}</datalist>
            </div>
          )}
          <fieldset className="explain-methods" disabled={!ready}>
            <legend>Method</legend>
            {METHODS.map((m) => (
              <div key={m.id} className="explain-method">
                <label>
                  <input
                    type="radio"
                    name={`${ids.cls}-method`}
                    value={m.id}
                    checked={method === m.id}
                    aria-describedby={`${ids.cls}-${m.id}`}
                    onChange={() => setMethod(m.id)}
                  />
                  <span>{METHOD_NAMES[m.id]}</span>
                </label>
                <span id={`${ids.cls}-${m.id}`} className="explain-muted">{m.hint}</span>
              </div>
            ))}
          </fieldset>
          {method === 'gradcam' && (
            <div className="explain-row">
              <label htmlFor={ids.layer}>Layer</label>
              <select id={ids.layer} value={layer ?? defaultLayer ?? ''} disabled={!ready} onChange={(e) => setLayer(e.target.value)}>
                {layers.map((name) => <option key={name} value={name}>{name === defaultLayer ? `${name} (last block)` : name}</option>)}
              </select>
            </div>
          )}
          {method === 'ig' && (
            <div className="explain-row">
              <label htmlFor={ids.steps}>Steps</label>
              <input id={ids.steps} type="number" min={IG_STEPS.min} max={IG_STEPS.max} value={steps} onChange={(e) => setSteps(Number(e.target.value))} required />
              <label htmlFor={ids.base}>Baseline</label>
              <select id={ids.base} value={baseline} onChange={(e) => setBaseline(e.target.value as IgBaseline)}>
                <option value="black">black image</option>
                <option value="blur">blurred image</option>
              </select>
            </div>
          )}
          {method === 'smoothgrad' && (
            <div className="explain-row">
              <label htmlFor={ids.samples}>Samples</label>
              <input id={ids.samples} type="number" min={1} max={SMOOTHGRAD.maxSamples} value={samples} onChange={(e) => setSamples(Number(e.target.value))} required />
              <label htmlFor={ids.noise}>Noise (% of range)</label>
              <input id={ids.noise} type="number" min={0} max={100} step={1} value={noise} onChange={(e) => setNoise(Number(e.target.value))} required />
            </div>
          )}
          <div className="explain-row">
            <button type="submit" className="explain-run" disabled={!ready}>{running ? 'Explain again' : 'Explain'}</button>
            {running && <button type="button" onClick={onCancel}>Cancel</button>}
          </div>
        </form>
      )}
      {running && <RunProgress progress={progress} />}
      {shown && input && (
        <AttributionView attribution={shown.attribution} input={input} steps={shown.request.steps} stale={running} />
      )}
    </section>
  );
}

function RunProgress({ progress }: { readonly progress: AttributionProgress | null }) {
  const text = progress ? `Working: ${progress.done} of ${progress.total}` : 'Working…';
  return (
    <div className="explain-progress" role="status">
      <progress aria-label="Attribution progress" max={progress?.total ?? undefined} value={progress?.done ?? undefined} />
      <span>{text}</span>
    </div>
  );
}
