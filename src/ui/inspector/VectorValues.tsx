import { scaleLinear } from 'd3';
import { useId } from 'react';
import { useT } from '../i18n/I18n';
import { topValues } from './channels';
import { formatValue } from './format';
import { useWidth } from './use-width';

interface Props {
  readonly values: Float32Array;
}

const H = 96;
const M = { top: 6, right: 8, bottom: 18, left: 8 };
const TOP_K = 10;

type Linear = ReturnType<typeof scaleLinear<number>>;

/** One vertical stroke per kept value, from zero to the value, as a single path. */
function barPath(values: Float32Array, x: Linear, y: Linear, keep: (i: number) => boolean): string {
  const parts: string[] = [];
  const y0 = y(0).toFixed(2);
  values.forEach((v, i) => {
    if (keep(i)) parts.push(`M${x(i + 0.5).toFixed(2)},${y0}V${y(v).toFixed(2)}`);
  });
  return parts.join('');
}

/**
 * A rank-1 activation (flatten, fc): every value as one thin bar, and the largest values
 * listed with their index (counting from 0, as the class index of fc1000 does).
 */
export function VectorValues({ values }: Props) {
  const t = useT();
  const titleId = useId();
  const [ref, W] = useWidth<HTMLDivElement>(520);
  const top = topValues(values, TOP_K);
  const topSet = new Set(top.map((t) => t.index));
  const n = values.length;
  const x = scaleLinear().domain([0, n]).range([M.left, W - M.right]);
  const lo = values.reduce((a, b) => Math.min(a, b), 0);
  const hi = values.reduce((a, b) => Math.max(a, b), 0);
  const y = scaleLinear().domain([lo, hi > lo ? hi : lo + 1]).range([H - M.bottom, M.top]);
  const bars = (keep: (i: number) => boolean) => barPath(values, x, y, keep);
  const strokeWidth = Math.max(0.6, (W - M.left - M.right) / n - 0.2);
  return (
    <div className="insp-vector" ref={ref}>
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{t('vec.title', { n: t.count(n), value: formatValue(top[0]?.value ?? 0), index: String(top[0]?.index ?? 0) })}</title>
        <path d={bars((i) => !topSet.has(i))} className="insp-vbar" strokeWidth={strokeWidth} />
        <path d={bars((i) => topSet.has(i))} className="insp-vbar insp-vbar-top" strokeWidth={Math.max(1.5, strokeWidth)} />
        <line className="insp-axis" x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} />
        {x.ticks(5).map((tick) => (
          <text key={tick} className="insp-tick" x={x(tick)} y={H - 4} textAnchor="middle">{tick}</text>
        ))}
      </svg>
      <h3 className="insp-subhead">{t('vec.largest', { count: String(top.length) })}</h3>
      <ol className="insp-top">
        {top.map((v) => (
          <li key={v.index}>
            <span>{t('vec.index', { index: String(v.index) })}</span>
            <span className="insp-top-value">{formatValue(v.value)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
