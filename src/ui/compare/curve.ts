/**
 * The comparison curve's geometry: d3 computes the scales, paths and stage marks here as
 * plain numbers and strings; CompareCurve.tsx only renders them.
 *
 * Two panels share one x axis along depth (the layers in network order): cosine similarity
 * on top, relative L2 distance below.
 */
import { line, scaleLinear } from 'd3';
import type { LayerComparison } from '../../inspect/types';

/** Where a layer sits, for the stage marks: `stem`, `stage 2` ... `stage 5`, `head`. */
export type DepthSection = string;

export interface CurvePoint {
  readonly name: string;
  readonly cosine: number;
  readonly relativeL2: number;
  readonly x: number;
  readonly yCosine: number;
  /** A relative L2 beyond the axis (or infinite, when A is all zeros) is drawn at its top. */
  readonly yDistance: number;
  readonly section: DepthSection;
}

export interface SectionMark {
  readonly label: DepthSection;
  /** The section's extent along x; a boundary line is drawn at x0 of every section but the first. */
  readonly x0: number;
  readonly x1: number;
}

export interface Tick {
  readonly y: number;
  readonly label: string;
}

export interface Panel {
  readonly top: number;
  readonly bottom: number;
  readonly ticks: readonly Tick[];
  readonly path: string;
}

export interface CurveLayout {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly cosine: Panel;
  readonly distance: Panel;
  readonly points: readonly CurvePoint[];
  readonly sections: readonly SectionMark[];
  /** Half the distance between neighbouring points: the width of each point's hit column. */
  readonly step: number;
}

const MARGIN = { left: 44, right: 12, top: 36, gap: 28, bottom: 8 };
const PANEL_HEIGHT = 96;

function ticksOf(scale: ReturnType<typeof scaleLinear<number, number>>, count: number): Tick[] {
  const format = scale.tickFormat(count);
  return scale.ticks(count).map((v) => ({ y: scale(v), label: format(v) }));
}

/** The geometry for `layers` (in network order) drawn `width` pixels wide. */
export function curveLayout(layers: readonly LayerComparison[], sectionOf: (name: string) => DepthSection, width: number): CurveLayout {
  const left = MARGIN.left;
  const right = Math.max(left + 1, width - MARGIN.right);
  const x = scaleLinear().domain([0, Math.max(1, layers.length - 1)]).range([left, right]);
  const cosTop = MARGIN.top;
  const cosBottom = cosTop + PANEL_HEIGHT;
  const distTop = cosBottom + MARGIN.gap;
  const distBottom = distTop + PANEL_HEIGHT;
  const lowest = Math.min(0, ...layers.map((l) => l.cosine));
  const yCos = scaleLinear().domain([lowest, 1]).range([cosBottom, cosTop]).nice();
  const finite = layers.map((l) => l.relativeL2).filter(Number.isFinite);
  const yDist = scaleLinear().domain([0, Math.max(1e-3, ...finite)]).range([distBottom, distTop]).nice();
  const [, distMax] = yDist.domain();
  const points = layers.map((l, i): CurvePoint => ({
    name: l.name,
    cosine: l.cosine,
    relativeL2: l.relativeL2,
    x: x(i),
    yCosine: yCos(l.cosine),
    yDistance: yDist(Math.min(distMax, l.relativeL2)),
    section: sectionOf(l.name),
  }));
  const path = (y: (p: CurvePoint) => number) => line<CurvePoint>().x((p) => p.x).y(y)(points) ?? '';
  const step = layers.length > 1 ? (x(1) - x(0)) / 2 : (right - left) / 2;
  return {
    width,
    height: distBottom + MARGIN.bottom,
    left,
    right,
    cosine: { top: cosTop, bottom: cosBottom, ticks: ticksOf(yCos, 4), path: path((p) => p.yCosine) },
    distance: { top: distTop, bottom: distBottom, ticks: ticksOf(yDist, 4), path: path((p) => p.yDistance) },
    points,
    sections: sectionsOf(points, step),
    step,
  };
}

/** Runs of neighbouring points in one section, each spanning half a step beyond its ends. */
function sectionsOf(points: readonly CurvePoint[], step: number): SectionMark[] {
  const out: SectionMark[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.label === p.section) out[out.length - 1] = { ...last, x1: p.x + step };
    else out.push({ label: p.section, x0: p.x - step, x1: p.x + step });
  }
  return out;
}

/** The layer where A and B are least alike (lowest cosine); null without layers. */
export function leastAlike(layers: readonly LayerComparison[]): LayerComparison | null {
  return layers.reduce<LayerComparison | null>((low, l) => (low === null || l.cosine < low.cosine ? l : low), null);
}

/** The layer a point's keyboard move lands on: arrows step, Home/End jump, PageUp/PageDown skip ten. */
export function movedIndex(key: string, index: number, count: number): number | null {
  const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: count - 1, PageDown: index + 10, PageUp: index - 10 };
  const next = moves[key];
  return next === undefined ? null : Math.max(0, Math.min(count - 1, next));
}
