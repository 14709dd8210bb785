import { scaleLinear } from 'd3';
import { useId, useState } from 'react';
import type { WeightTensor } from '../../inspect/weights-types';
import { formatValue } from './format';

interface Props {
  readonly layer: string;
  /** gamma, beta, moving_mean, moving_variance, each with its values. */
  readonly params: readonly (WeightTensor & { readonly values: Float32Array })[];
}

export const BN_WORDS: Readonly<Record<string, string>> = {
  gamma: 'gamma (scale)',
  beta: 'beta (shift)',
  moving_mean: 'moving mean',
  moving_variance: 'moving variance',
};

const ROW = 34;
const W = 360;
const LABEL = 104;

/** One row of bars per parameter, each bar a channel, from zero to its value. */
function Strip({ tensor, y, channel }: { readonly tensor: WeightTensor & { readonly values: Float32Array }; readonly y: number; readonly channel: number }) {
  const n = tensor.values.length;
  const x = scaleLinear().domain([0, n]).range([LABEL, W - 4]);
  const lo = Math.min(0, tensor.min);
  const hi = Math.max(0, tensor.max);
  const v = scaleLinear().domain([lo, hi > lo ? hi : lo + 1]).range([y + ROW - 6, y + 4]);
  const zero = v(0).toFixed(1);
  const d = Array.from(tensor.values, (value, i) => `M${x(i + 0.5).toFixed(1)},${zero}V${v(value).toFixed(1)}`).join('');
  return (
    <g>
      <text className="insp-tick" x={0} y={y + ROW / 2 + 4}>{BN_WORDS[tensor.name] ?? tensor.name}</text>
      <line className="insp-grid" x1={LABEL} x2={W - 4} y1={zero} y2={zero} />
      <path className="insp-bn-bars" d={d} strokeWidth={Math.max(0.5, (W - LABEL) / n - 0.4)} />
      <line className="insp-bn-marker" x1={x(channel + 0.5)} x2={x(channel + 0.5)} y1={y + 2} y2={y + ROW - 2} />
    </g>
  );
}

/**
 * BatchNorm's four per-channel vectors: a strip chart of every channel (drawn, not read out)
 * and a channel picker whose four values are read out, beside the table of their ranges.
 */
export function BatchNormParams({ layer, params }: Props) {
  const channels = params[0]?.values.length ?? 0;
  const [channel, setChannel] = useState(0);
  const pickId = useId();
  const at = Math.min(channel, Math.max(0, channels - 1));
  return (
    <div className="insp-bn" role="group" aria-label={`${layer} per channel`}>
      <p className="insp-note">
        {`Each of the ${channels} channels is normalised with its moving mean and variance, then scaled by gamma and shifted by beta: output = gamma · (x − mean) / √(variance + 0.001) + beta.`}
      </p>
      <svg viewBox={`0 0 ${W} ${ROW * params.length}`} aria-hidden="true">
        {params.map((t, i) => <Strip key={t.name} tensor={t} y={i * ROW} channel={at} />)}
      </svg>
      <div className="insp-bn-pick">
        <label htmlFor={pickId}>{`Channel ${at + 1} of ${channels}`}</label>
        <input id={pickId} type="range" min={1} max={channels} value={at + 1} onChange={(e) => setChannel(Number(e.target.value) - 1)} />
        <output htmlFor={pickId} aria-live="polite">
          {params.map((t) => `${BN_WORDS[t.name] ?? t.name} ${formatValue(t.values[at])}`).join(', ')}
        </output>
      </div>
    </div>
  );
}
