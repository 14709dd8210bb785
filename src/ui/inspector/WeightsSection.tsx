import { useId } from 'react';
import { formatShape } from '../../model/pure';
import type { LayerWeights, WeightTensor } from '../../inspect/weights-types';
import { useT } from '../i18n/I18n';
import { BatchNormParams, weightWord } from './BatchNormParams';
import { isColourKernel } from './filter-tiles';
import { FilterTilesView } from './FilterTilesView';
import { formatValue } from './format';
import { Histogram } from './StatsHistogram';

interface Props {
  readonly layer: string;
  /** null while loading or failed. */
  readonly weights: LayerWeights | null;
  readonly loading: boolean;
  readonly error: string | null;
}

type Whole = WeightTensor & { readonly values: Float32Array };

const whole = (t: WeightTensor | undefined): t is Whole => t !== undefined && t.values !== null;

const BN_ORDER = ['gamma', 'beta', 'moving_mean', 'moving_variance'];

/** Every weight tensor of the layer: shape, range and mean, and whether gradients train it. */
function WeightsTable({ layer, tensors }: { readonly layer: string; readonly tensors: readonly WeightTensor[] }) {
  const t = useT();
  return (
    <div className="insp-table-scroll">
      <table className="insp-weights-table">
        <caption className="visually-hidden">{t('wts.caption', { layer })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('wts.tensor')}</th>
            <th scope="col">{t('wts.shape')}</th>
            <th scope="col">{t('stats.min')}</th>
            <th scope="col">{t('stats.mean')}</th>
            <th scope="col">{t('stats.max')}</th>
          </tr>
        </thead>
        <tbody>
          {tensors.map((w) => (
            <tr key={w.name}>
              <th scope="row">
                {weightWord(w.name, t)}
                {!w.trainable && <span className="insp-muted">{' '}{t('wts.notTrained')}</span>}
              </th>
              <td><code>{formatShape(w.shape)}</code></td>
              <td>{formatValue(w.min)}</td>
              <td>{formatValue(w.mean)}</td>
              <td>{formatValue(w.max)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Body({ layer, weights }: { readonly layer: string; readonly weights: LayerWeights }) {
  const t = useT();
  const byName = new Map(weights.tensors.map((t) => [t.name, t]));
  const kernel = byName.get('kernel');
  const bn = BN_ORDER.map((n) => byName.get(n));
  return (
    <>
      <p className="insp-note">{t(weights.trained ? 'wts.trained' : 'wts.seeded')}</p>
      <WeightsTable layer={layer} tensors={weights.tensors} />
      {whole(kernel) && isColourKernel(kernel.shape) && <FilterTilesView layer={layer} kernel={kernel} trained={weights.trained} inputOrder={weights.inputOrder} />}
      {kernel && kernel.max > kernel.min && (
        <Histogram stats={kernel} total={kernel.count} what={t('wts.kernelWhat', { layer })} caption={t('wts.kernelCaption', { count: t.count(kernel.count) })} />
      )}
      {bn.every(whole) && <BatchNormParams layer={layer} params={bn} />}
    </>
  );
}

/** What the layer has learned: its weights, read when the layer is opened. */
export function WeightsSection({ layer, weights, loading, error }: Props) {
  const t = useT();
  const headingId = useId();
  return (
    <section className="insp-weights" aria-labelledby={headingId} aria-busy={loading}>
      <h3 id={headingId} className="insp-subhead">{t('wts.title')}</h3>
      {loading && <p className="insp-note" role="status">{t('wts.reading', { layer })}</p>}
      {error && <p className="insp-note" role="alert">{error}</p>}
      {weights && weights.layer === layer && <Body layer={layer} weights={weights} />}
    </section>
  );
}
