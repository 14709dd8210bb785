/**
 * The stage -> block -> layer graph of the live model. d3 computes (layout, paths, scale,
 * zoom transform); React draws. Every node is a keyboard-reachable button named by its
 * block or layer name.
 */
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { createTint, nodeTintValues } from '../../graph/tint';
import { buildGraphTree, type GraphTree } from '../../graph/tree';
import { fileStem, summaryName, type ModelSummary } from '../../model/pure';
import { download, downloadText } from '../export/download';
import { graphSvgFile, svgToPng } from '../export/svg-export';
import { EdgeMarkers, GraphEdges, GraphFrames } from './GraphEdges';
import { EdgeKey, TintLegend } from './GraphLegend';
import { GraphNodes, type NodeTinting } from './GraphNodes';
import { useGraphFocus } from './use-graph-focus';
import { useGraphState } from './use-graph-state';
import { useGraphZoom } from './use-graph-zoom';
import './graph.css';
import { useT } from '../i18n/I18n';

export interface GraphViewProps {
  readonly summary: ModelSummary;
  /** The selected layer's name. */
  readonly selected: string | null;
  readonly onSelect: (name: string) => void;
  /** A statistic per layer name; when given, nodes are tinted by it. */
  readonly tint?: ReadonlyMap<string, number> | null;
  /** What the tint shows, for the legend: "Mean activation". */
  readonly tintLabel?: string;
  /** Names to mark (layers, blocks, `stage 2`), e.g. what a walkthrough step talks about. */
  readonly highlight?: readonly string[];
  /** A sentence per layer name (its settings and parameters), read out as the node's description. */
  readonly descriptions?: ReadonlyMap<string, string>;
  /** Residual blocks switched off, drawn as off. */
  readonly off?: ReadonlySet<string>;
  /** Blocks with an on/off switch on their node, and what the switch does. */
  readonly switchable?: ReadonlySet<string>;
  readonly onToggleBlock?: (block: string) => void;
  /** A residual block opened with a click or Enter: the page may summarise it (its name is then `selected`). */
  readonly onOpenBlock?: (block: string) => void;
  /** A block or stage drawn open from the start (a block embedded on its own). */
  readonly initialOpen?: string | null;
}

const NO_HIGHLIGHT: readonly string[] = [];
const NO_DESCRIPTIONS: ReadonlyMap<string, string> = new Map();
const NONE_OFF: ReadonlySet<string> = new Set();

function useTinting(tree: GraphTree, tint: ReadonlyMap<string, number> | null, label: string): NodeTinting | null {
  return useMemo(() => {
    if (!tint || tint.size === 0) return null;
    const values = nodeTintValues(tree, tint);
    const scale = createTint(values.values());
    return scale ? { values, scale, label } : null;
  }, [tree, tint, label]);
}

/** A fit that waited for the canvas to get a size happens when it does. */
function useResize(ref: RefObject<SVGSVGElement | null>, onResize: () => void): void {
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => onResize());
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, onResize]);
}

/** Saving the graph as drawn: SVG, or PNG at twice its size (sharp on slides). */
function useGraphExport(ref: RefObject<SVGSVGElement | null>, summary: ModelSummary) {
  const t = useT();
  const [status, setStatus] = useState('');
  const stem = `${fileStem(summary)}-graph`;
  const file = () => {
    if (!ref.current) throw new Error('the graph is not on the page');
    return graphSvgFile(ref.current, t('graph.fileTitle', { preset: summaryName(summary) }));
  };
  const fail = (e: unknown) => setStatus(t('graph.saveFailed', { reason: e instanceof Error ? e.message : String(e) }));
  const saveSvg = () => {
    try { downloadText(file().text, `${stem}.svg`, 'image/svg+xml'); setStatus(''); } catch (e) { fail(e); }
  };
  const savePng = () => {
    try { svgToPng(file(), 2).then((png) => { download(png, `${stem}@2x.png`); setStatus(''); }, fail); } catch (e) { fail(e); }
  };
  return { status, saveSvg, savePng };
}

/** Memoised: it re-renders for its own props (a new selection) and its zoom, not for the page's. */
export const GraphView = memo(function GraphView(props: GraphViewProps) {
  const { summary, selected, onSelect, tint = null, tintLabel = 'Activation', highlight = NO_HIGHLIGHT, descriptions = NO_DESCRIPTIONS, off = NONE_OFF, switchable = NONE_OFF, onToggleBlock = null, onOpenBlock = null, initialOpen = null } = props;
  const t = useT();
  const tree = useMemo(() => buildGraphTree(summary), [summary]);
  const svgRef = useRef<SVGSVGElement>(null);
  const zoom = useGraphZoom(svgRef);
  const state = useGraphState(tree, selected, zoom, initialOpen);
  const focus = useGraphFocus(tree, state, zoom, onSelect, onOpenBlock);
  const tinting = useTinting(tree, tint, tintLabel);
  const { forgetSize } = zoom;
  const { settle } = state;
  const onResize = useCallback(() => { forgetSize(); settle(); }, [forgetSize, settle]);
  useResize(svgRef, onResize);
  const uid = useId().replace(/[^a-zA-Z0-9]/g, '');
  const { x, y, k } = zoom.transform;
  const saving = useGraphExport(svgRef, summary);

  return (
    <section className={`graph${tinting ? ' is-tinted' : ''}`} aria-label={t('graph.label')}>
      <div className="graph-toolbar">
        <button type="button" onClick={state.expandAll}>{t('graph.expandAll')}</button>
        <button type="button" onClick={state.collapseAll}>{t('graph.collapseAll')}</button>
        <button type="button" onClick={state.fit}>{t('graph.fit')}</button>
        <span className="graph-zoom" role="group" aria-label={t('graph.zoom')}>
          <button type="button" aria-label={t('graph.zoomIn')} onClick={() => zoom.zoomBy(1.3)}>+</button>
          <button type="button" aria-label={t('graph.zoomOut')} onClick={() => zoom.zoomBy(1 / 1.3)}>−</button>
        </span>
        <span className="graph-save" role="group" aria-label={t('graph.save')}>
          <button type="button" onClick={saving.saveSvg}>{t('graph.saveSvg')}</button>
          <button type="button" onClick={saving.savePng}>{t('graph.savePng')}</button>
        </span>
        <EdgeKey />
        {saving.status && <p className="graph-save-status" role="alert">{saving.status}</p>}
      </div>
      <div className="graph-stage">
        <svg ref={svgRef} className="graph-canvas" role="group" aria-label={t('graph.canvas')} aria-describedby={`${uid}-hint`}>
          <EdgeMarkers prefix={uid} />
          <g transform={`translate(${x},${y}) scale(${k})`}>
            <GraphFrames nodes={state.layout.nodes} />
            <GraphEdges edges={state.layout.edges} prefix={uid} />
            <GraphNodes
              tree={tree}
              layout={state.layout}
              expanded={state.expanded}
              selected={selected}
              highlight={highlight}
              tinting={tinting}
              focus={focus}
              descriptions={descriptions}
              off={off}
              switchable={switchable}
              onToggleBlock={onToggleBlock}
            />
          </g>
        </svg>
        {tinting && <TintLegend tint={tinting.scale} label={tintLabel} />}
      </div>
      <p className="graph-hint" id={`${uid}-hint`}>
        {t('graph.hint')}
      </p>
    </section>
  );
});
