import { scaleLinear } from 'd3';
import { useId, useState } from 'react';
import type { WeightTensor } from '../../inspect/weights-types';
import { useT } from '../i18n/I18n';
import { english, type MessageId, type Translate } from '../i18n/i18n';
import { formatValue } from './format';

interface Props {
  readonly layer: string;
  /** gamma, beta, moving_mean, moving_variance, each with its values. */
  readonly params: readonly (WeightTensor & { readonly values: Float32Array })[];
}

const BN_WORDS: Readonly<Record<string, MessageId>> = {
  gamma: 'bn.gamma',
  beta: 'bn.beta',
  moving_mean: 'bn.movingMean',
  moving_variance: 'bn.movingVariance',
};

/** A weight tensor's name as a person reads it: BatchNorm's four in words ("gamma (scale)"), any other as it is ("kernel"). */
export function weightWord(name: string, t: Translate = english): string {
  const id = BN_WORDS[name];
  return id ? t(id) : name;
}

const ROW = 34;
const W = 360;
const LABEL = 104;

/** One row of bars per parameter, each bar a channel, from zero to its value. */
function Strip({ tensor, y, channel }: { readonly tensor: WeightTensor & { readonly values: Float32Array }; readonly y: number; readonly channel: number }) {
  const t = useT();
  const n = tensor.values.length;
  const x = scaleLinear().domain([0, n]).range([LABEL, W - 4]);
  const lo = Math.min(0, tensor.min);
  const hi = Math.max(0, tensor.max);
  const v = scaleLinear().domain([lo, hi > lo ? hi : lo + 1]).range([y + ROW - 6, y + 4]);
  const zero = v(0).toFixed(1);
  const d = Array.from(tensor.values, (value, i) => `M${x(i + 0.5).toFixed(1)},${zero}V${v(value).toFixed(1)}`).join('');
  return (
    <g>
      <text className="insp-tick" x={0} y={y + ROW / 2 + 4}>{weightWord(tensor.name, t)}</text>
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
  const t = useT();
  const channels = params[0]?.values.length ?? 0;
  const [channel, setChannel] = useState(0);
  const pickId = useId();
  const at = Math.min(channel, Math.max(0, channels - 1));
  return (
    <div className="insp-bn" role="group" aria-label={t('bn.group', { layer })}>
      <p className="insp-note">{t('bn.note', { channels: String(channels) })}</p>
      <svg viewBox={`0 0 ${W} ${ROW * params.length}`} aria-hidden="true">
        {params.map((t, i) => <Strip key={t.name} tensor={t} y={i * ROW} channel={at} />)}
      </svg>
      <div className="insp-bn-pick">
        <label htmlFor={pickId}>{t('bn.pick', { n: String(at + 1), total: String(channels) })}</label>
        <input id={pickId} type="range" min={1} max={channels} value={at + 1} onChange={(e) => setChannel(Number(e.target.value) - 1)} />
        <output htmlFor={pickId} aria-live="polite">
          {params.map((p) => `${weightWord(p.name, t)} ${formatValue(p.values[at])}`).join(t('sep.comma'))}
        </output>
      </div>
    </div>
  );
}
