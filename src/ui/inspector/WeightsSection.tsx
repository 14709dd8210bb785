import { useId } from 'react';
import { formatShape } from '../../model/pure';
import type { LayerWeights, WeightTensor } from '../../inspect/weights-types';
import { BatchNormParams, BN_WORDS } from './BatchNormParams';
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
  return (
    <div className="insp-table-scroll">
      <table className="insp-weights-table">
        <caption className="visually-hidden">{`Weight tensors of ${layer}`}</caption>
        <thead>
          <tr>
            <th scope="col">Tensor</th>
            <th scope="col">Shape</th>
            <th scope="col">Min</th>
            <th scope="col">Mean</th>
            <th scope="col">Max</th>
          </tr>
        </thead>
        <tbody>
          {tensors.map((t) => (
            <tr key={t.name}>
              <th scope="row">
                {BN_WORDS[t.name] ?? t.name}
                {!t.trainable && <span className="insp-muted"> not trained: a running average</span>}
              </th>
              <td><code>{formatShape(t.shape)}</code></td>
              <td>{formatValue(t.min)}</td>
              <td>{formatValue(t.mean)}</td>
              <td>{formatValue(t.max)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Body({ layer, weights }: { readonly layer: string; readonly weights: LayerWeights }) {
  const byName = new Map(weights.tensors.map((t) => [t.name, t]));
  const kernel = byName.get('kernel');
  const bn = BN_ORDER.map((n) => byName.get(n));
  return (
    <>
      <p className="insp-note">
        {weights.trained ? 'The trained weights this model was loaded with.' : 'Seeded random initialisation (Glorot uniform, seed 0; biases 0; BatchNorm at gamma 1, beta 0, mean 0, variance 1): nothing learned yet.'}
      </p>
      <WeightsTable layer={layer} tensors={weights.tensors} />
      {whole(kernel) && isColourKernel(kernel.shape) && <FilterTilesView layer={layer} kernel={kernel} trained={weights.trained} inputOrder={weights.inputOrder} />}
      {kernel && kernel.max > kernel.min && (
        <Histogram stats={kernel} total={kernel.count} what={`kernel weights of ${layer}`} caption={`Kernel weights: ${kernel.count.toLocaleString('en-US')} values`} />
      )}
      {bn.every(whole) && <BatchNormParams layer={layer} params={bn} />}
    </>
  );
}

/** What the layer has learned: its weights, read when the layer is opened. */
export function WeightsSection({ layer, weights, loading, error }: Props) {
  const headingId = useId();
  return (
    <section className="insp-weights" aria-labelledby={headingId} aria-busy={loading}>
      <h3 id={headingId} className="insp-subhead">Weights</h3>
      {loading && <p className="insp-note" role="status">{`Reading the weights of ${layer}…`}</p>}
      {error && <p className="insp-note" role="alert">{error}</p>}
      {weights && weights.layer === layer && <Body layer={layer} weights={weights} />}
    </section>
  );
}
