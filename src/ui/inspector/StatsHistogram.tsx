import { format, scaleLinear, scaleLog } from 'd3';
import { useId, useState } from 'react';
import type { TensorStats } from '../../inspect/types';
import { useT } from '../i18n/I18n';
import type { Translate } from '../i18n/i18n';
import { formatPercent, formatValue } from './format';
import { useWidth } from './use-width';

interface Props {
  readonly stats: TensorStats;
}

const H = 170;
const countFormat = format('~s');
const M = { top: 10, right: 12, bottom: 28, left: 44 };

/** The statistics as a definition list, then the value histogram. */
export function StatsHistogram({ stats }: Props) {
  const t = useT();
  const count = stats.shape.reduce((a, b) => a * b, 1);
  const items: [string, string][] = [
    [t('stats.min'), formatValue(stats.min)],
    [t('stats.max'), formatValue(stats.max)],
    [t('stats.mean'), formatValue(stats.mean)],
    [t('stats.std'), formatValue(stats.std)],
    [t('stats.zeroFraction'), formatPercent(stats.zeroFraction)],
    [t('stats.values'), t.count(count)],
  ];
  return (
    <div className="insp-stats">
      <dl className="insp-dl">
        {items.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {stats.max > stats.min ? (
        <Histogram stats={stats} total={count} />
      ) : (
        <p className="insp-note">{t('stats.flat', { value: formatValue(stats.min) })}</p>
      )}
    </div>
  );
}

/** What a histogram needs of its values' figures (an activation's stats, or a weight's). */
export type HistogramStats = Pick<TensorStats, 'min' | 'max' | 'histogram'>;

function describe(stats: HistogramStats, total: number, what: string, t: Translate): string {
  const { edges, counts } = stats.histogram;
  const peak = counts.reduce((best, c, i) => (c > counts[best] ? i : best), 0);
  const share = total > 0 ? formatPercent(counts[peak] / total) : '0%';
  return t('hist.describe', {
    total: t.count(total), what, bins: String(counts.length), min: formatValue(stats.min), max: formatValue(stats.max),
    from: formatValue(edges[peak]), to: formatValue(edges[peak + 1]), share,
  });
}

type Linear = ReturnType<typeof scaleLinear<number>>;
type CountScale = Linear | ReturnType<typeof scaleLog<number>>;

function yScale(log: boolean, maxCount: number): CountScale {
  const range: [number, number] = [H - M.bottom, M.top];
  // Log counts start at 0.5 so a bin holding one value still shows a sliver.
  return log
    ? scaleLog().domain([0.5, Math.max(1, maxCount)]).range(range).clamp(true)
    : scaleLinear().domain([0, Math.max(1, maxCount)]).range(range).nice();
}

interface HistogramProps {
  readonly stats: HistogramStats;
  readonly total: number;
  /** What the values are, in the description (default "values"), e.g. "kernel weights of conv1". */
  readonly what?: string;
  /** Default "Value histogram". */
  readonly caption?: string;
}

/** The 32-bin histogram as bars over a value axis, its counts linear or log. */
export function Histogram({ stats, total, what, caption }: HistogramProps) {
  const t = useT();
  const [log, setLog] = useState(false);
  const titleId = useId();
  const [ref, width] = useWidth<HTMLElement>(520);
  const x = scaleLinear().domain([stats.min, stats.max]).range([M.left, width - M.right]);
  const y = yScale(log, Math.max(...stats.histogram.counts));
  return (
    <figure className="insp-histogram" ref={ref}>
      <svg width={width} height={H} viewBox={`0 0 ${width} ${H}`} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{describe(stats, total, what ?? t('hist.what'), t)}</title>
        <CountAxis y={y} log={log} width={width} />
        <Bars stats={stats} x={x} y={y} />
        <ValueAxis x={x} stats={stats} count={width < 400 ? 4 : 6} />
      </svg>
      <figcaption>
        <span>{caption ?? t('hist.caption')}</span>
        <label className="insp-check">
          <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> {t('hist.log')}
        </label>
      </figcaption>
    </figure>
  );
}

function CountAxis({ y, log, width }: { readonly y: CountScale; readonly log: boolean; readonly width: number }) {
  // A log scale offers ticks at 2, 3, 5...; only powers of ten stay readable.
  const ticks = log ? y.ticks(4).filter((t) => Number.isInteger(Math.log10(t))) : y.ticks(4);
  return ticks.map((t) => (
    <g key={t} className="insp-tick" transform={`translate(0,${y(t)})`}>
      <line x1={M.left} x2={width - M.right} className="insp-grid" />
      <text x={M.left - 6} dy="0.32em" textAnchor="end">{countFormat(t)}</text>
    </g>
  ));
}

function Bars({ stats, x, y }: { readonly stats: HistogramStats; readonly x: Linear; readonly y: CountScale }) {
  const t = useT();
  const { edges, counts } = stats.histogram;
  const base = H - M.bottom;
  const height = (c: number) => (c > 0 ? base - y(c) : 0);
  return counts.map((c, i) => (
    <rect key={i} className="insp-bar" x={x(edges[i]) + 0.5} width={Math.max(1, x(edges[i + 1]) - x(edges[i]) - 1)} y={base - height(c)} height={height(c)}>
      <title>{t('hist.bar', { from: formatValue(edges[i]), to: formatValue(edges[i + 1]), count: t.count(c) })}</title>
    </rect>
  ));
}

function ValueAxis({ x, stats, count }: { readonly x: Linear; readonly stats: HistogramStats; readonly count: number }) {
  const base = H - M.bottom;
  const tickFormat = x.tickFormat(count);
  return (
    <>
      {stats.min < 0 && stats.max > 0 && <line className="insp-zero" x1={x(0)} x2={x(0)} y1={M.top} y2={base} />}
      <line className="insp-axis" x1={M.left} x2={x.range()[1]} y1={base} y2={base} />
      {x.ticks(count).map((t) => (
        <g key={t} className="insp-tick" transform={`translate(${x(t)},${base})`}>
          <line y2={4} className="insp-axis" />
          <text y={16} textAnchor="middle">{tickFormat(t)}</text>
        </g>
      ))}
    </>
  );
}
