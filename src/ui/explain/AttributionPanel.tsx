import { useId, useState, type FormEvent } from 'react';
import type { Attribution, AttributionMethod, AttributionProgress, AttributionRequest, IgBaseline, Prediction } from '../../client/types';
import { IG_STEPS, SMOOTHGRAD } from '../../explain/types';
import type { RgbaImage } from '../view-data';
import { AttributionView, METHOD_NAMES } from './AttributionView';
import { useT } from '../i18n/I18n';
import type { Translate } from '../i18n/i18n';
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

const METHODS: readonly AttributionMethod[] = ['gradcam', 'saliency', 'smoothgrad', 'ig'];

const OTHER = 'other';

/** Pick a class and a method, run it, and see the map over the input. */
export function AttributionPanel(props: AttributionPanelProps) {
  const { predictions, labels, layers, defaultLayer, input, shown, running, progress, onRun, onCancel } = props;
  const t = useT();
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
    <section className="explain" aria-label={t('explain.title')}>
      <h2>{t('explain.title')}</h2>
      {!ready && <p className="explain-hint">{t('explain.hint')}</p>}
      {ready && (
        <form onSubmit={submit} className="explain-form" aria-label={t('explain.settings')}>
          <div className="explain-row">
            <label htmlFor={ids.cls}>{t('explain.class')}</label>
            <select id={ids.cls} value={chosenClass} disabled={!ready} onChange={(e) => setClassChoice(e.target.value)}>
              {(predictions ?? []).map((p, i) => <option key={p.index} value={String(p.index)}>{`${i + 1}. ${p.label}`}</option>)}
              <option value={OTHER}>{t('explain.other')}</option>
            </select>
          </div>
          {chosenClass === OTHER && (
            <div className="explain-row">
              <label htmlFor={ids.other}>{t('explain.className')}</label>
              <input id={ids.other} list={ids.list} value={otherLabel} onChange={(e) => setOtherLabel(e.target.value)} required />
              <datalist id={ids.list}>{labels.map((l) => <option key={l} value={l} />)}</datalist>
            </div>
          )}
          <fieldset className="explain-methods" disabled={!ready}>
            <legend>{t('explain.method')}</legend>
            {METHODS.map((id) => ({ id, hint: t(`explain.hint.${id}`) })).map((m) => (
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
                  <span>{methodName(m.id, t)}</span>
                </label>
                <span id={`${ids.cls}-${m.id}`} className="explain-muted">{m.hint}</span>
              </div>
            ))}
          </fieldset>
          {method === 'gradcam' && (
            <div className="explain-row">
              <label htmlFor={ids.layer}>{t('explain.layer')}</label>
              <select id={ids.layer} value={layer ?? defaultLayer ?? ''} disabled={!ready} onChange={(e) => setLayer(e.target.value)}>
                {layers.map((name) => <option key={name} value={name}>{name === defaultLayer ? t('explain.lastBlock', { name }) : name}</option>)}
              </select>
            </div>
          )}
          {method === 'ig' && (
            <div className="explain-row">
              <label htmlFor={ids.steps}>{t('explain.steps')}</label>
              <input id={ids.steps} type="number" min={IG_STEPS.min} max={IG_STEPS.max} value={steps} onChange={(e) => setSteps(Number(e.target.value))} required />
              <label htmlFor={ids.base}>{t('explain.baseline')}</label>
              <select id={ids.base} value={baseline} onChange={(e) => setBaseline(e.target.value as IgBaseline)}>
                <option value="black">{t('explain.black')}</option>
                <option value="blur">{t('explain.blur')}</option>
              </select>
            </div>
          )}
          {method === 'smoothgrad' && (
            <div className="explain-row">
              <label htmlFor={ids.samples}>{t('explain.samples')}</label>
              <input id={ids.samples} type="number" min={1} max={SMOOTHGRAD.maxSamples} value={samples} onChange={(e) => setSamples(Number(e.target.value))} required />
              <label htmlFor={ids.noise}>{t('explain.noise')}</label>
              <input id={ids.noise} type="number" min={0} max={100} step={1} value={noise} onChange={(e) => setNoise(Number(e.target.value))} required />
            </div>
          )}
          <div className="explain-row">
            <button type="submit" className="explain-run" disabled={!ready}>{t(running ? 'explain.again' : 'explain.run')}</button>
            {running && <button type="button" onClick={onCancel}>{t('explain.cancel')}</button>}
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

function methodName(id: AttributionMethod, t: Translate): string {
  return t.lang === 'en' ? METHOD_NAMES[id] : t(`method.${id}`);
}

function RunProgress({ progress }: { readonly progress: AttributionProgress | null }) {
  const t = useT();
  const text = progress ? t('explain.workingOf', { done: String(progress.done), total: String(progress.total) }) : t('explain.working');
  return (
    <div className="explain-progress" role="status">
      <progress aria-label={t('explain.progress')} max={progress?.total ?? undefined} value={progress?.done ?? undefined} />
      <span>{text}</span>
    </div>
  );
}
