/**
 * Cosine similarity and relative L2 distance of A and B along depth, one point per layer,
 * with the stages marked. Each layer is a button (one Tab stop: arrows move along depth,
 * Enter or a click opens the layer in the inspector).
 */
import { memo, useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { LayerComparison } from '../../inspect/types';
import { useWidth } from '../inspector/use-width';
import { curveLayout, movedIndex, type CurveLayout, type CurvePoint, type DepthSection, type Panel } from './curve';
import { formatDistance, formatSimilarity } from './format';
import { useT } from '../i18n/I18n';
import { english, type Translate } from '../i18n/i18n';

interface Props {
  readonly layers: readonly LayerComparison[];
  readonly sectionOf: (name: string) => DepthSection;
  /** The layer open in the inspector, marked on the curve. */
  readonly selected: string | null;
  readonly onOpen: (name: string) => void;
}

export function pointName(p: Pick<CurvePoint, 'name' | 'cosine' | 'relativeL2'>, t: Translate = english): string {
  return t('cmp.point', { name: p.name, cosine: formatSimilarity(p.cosine), l2: formatDistance(p.relativeL2, t) });
}

function PanelAxis({ panel, layout, title, kind }: { readonly panel: Panel; readonly layout: CurveLayout; readonly title: string; readonly kind: string }) {
  return (
    <g className="cmp-axis" aria-hidden="true">
      <text className={`cmp-panel-title ${kind}`} x={layout.left} y={panel.top - 8}>{title}</text>
      {panel.ticks.map((t) => (
        <g key={t.label} transform={`translate(0,${t.y})`}>
          <line className="cmp-grid" x1={layout.left} x2={layout.right} />
          <text className="cmp-tick" x={layout.left - 6} dy="0.32em" textAnchor="end">{t.label}</text>
        </g>
      ))}
    </g>
  );
}

function Sections({ layout }: { readonly layout: CurveLayout }) {
  return (
    <g className="cmp-sections" aria-hidden="true">
      {layout.sections.map((s, i) => (
        <g key={`${s.label}-${i}`}>
          {i % 2 === 1 && <rect className="cmp-band" x={s.x0} y={layout.cosine.top} width={s.x1 - s.x0} height={layout.distance.bottom - layout.cosine.top} />}
          {i > 0 && <line className="cmp-boundary" x1={s.x0} x2={s.x0} y1={14} y2={layout.distance.bottom} />}
          <text className="cmp-section" x={(s.x0 + s.x1) / 2} y={10} textAnchor="middle">{s.x1 - s.x0 > 28 ? s.label : ''}</text>
        </g>
      ))}
    </g>
  );
}

export const CompareCurve = memo(function CompareCurve({ layers, sectionOf, selected, onOpen }: Props) {
  const [ref, width] = useWidth<HTMLDivElement>(640);
  const layout = useMemo(() => curveLayout(layers, sectionOf, width), [layers, sectionOf, width]);
  const selectedIndex = layout.points.findIndex((p) => p.name === selected);
  const [focusIndex, setFocusIndex] = useState(0);
  const active = Math.min(layout.points.length - 1, focusIndex);
  const points = useRef<(SVGGElement | null)[]>([]);
  const onKey = useCallback((e: KeyboardEvent<SVGGElement>, index: number) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(layout.points[index].name);
      return;
    }
    const next = movedIndex(e.key, index, layout.points.length);
    if (next === null) return;
    e.preventDefault();
    setFocusIndex(next);
    points.current[next]?.focus();
  }, [layout, onOpen]);
  const { step } = layout;
  const t = useT();
  return (
    <div className="cmp-curve" ref={ref}>
      <svg width={layout.width} height={layout.height} role="group" aria-label={t('cmp.curve')}>
        <Sections layout={layout} />
        <PanelAxis panel={layout.cosine} layout={layout} title={t('cmp.cosineAxis')} kind="cosine" />
        <PanelAxis panel={layout.distance} layout={layout} title={t('cmp.distanceAxis')} kind="distance" />
        <path className="cmp-line cmp-line-cosine" d={layout.cosine.path} aria-hidden="true" />
        <path className="cmp-line cmp-line-distance" d={layout.distance.path} aria-hidden="true" />
        {layout.points.map((p, i) => (
          <g
            key={p.name}
            ref={(el) => { points.current[i] = el; }}
            className={`cmp-point${i === selectedIndex ? ' is-selected' : ''}`}
            role="button"
            tabIndex={i === active ? 0 : -1}
            aria-label={pointName(p, t)}
            aria-current={i === selectedIndex ? 'true' : undefined}
            onClick={() => { setFocusIndex(i); onOpen(p.name); }}
            onKeyDown={(e) => onKey(e, i)}
            onFocus={() => setFocusIndex(i)}
          >
            <title>{pointName(p, t)}</title>
            <rect className="cmp-hit" x={p.x - step} y={layout.cosine.top} width={step * 2} height={layout.distance.bottom - layout.cosine.top} />
            <circle className="cmp-dot cmp-dot-cosine" cx={p.x} cy={p.yCosine} r={2.5} />
            <circle className="cmp-dot cmp-dot-distance" cx={p.x} cy={p.yDistance} r={2.5} />
          </g>
        ))}
      </svg>
    </div>
  );
});
