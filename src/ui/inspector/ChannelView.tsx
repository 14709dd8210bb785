import { useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { ReceptiveField } from '../../explain/receptive-field';
import type { RgbaImage } from '../view-data';
import { ChannelCanvas } from './ChannelCanvas';
import { downloadCanvas } from '../export/download';
import { ColourLegend } from './ColourLegend';
import { cellAt, stepCell, valueAt, type Cell, type MapDims, type Normalization, type ValueRange } from './channels';
import { formatValue } from './format';
import { UnitField } from './UnitField';
import { useT } from '../i18n/I18n';

interface Props {
  /** The layer's name, for the saved file's name. */
  readonly name?: string;
  readonly values: Float32Array;
  readonly dims: MapDims;
  readonly channel: number;
  readonly range: ValueRange;
  readonly normalization: Normalization;
  readonly onClose: () => void;
  /** The layer's theoretical receptive field, to outline a unit's on the input; null: none shown. */
  readonly field?: ReceptiveField | null;
  /** The network's input, as it saw it. */
  readonly input?: RgbaImage | null;
}

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/**
 * One channel drawn large, with the value under the pointer. The map also takes focus so
 * arrow keys can walk the cells; Escape (handled by the inspector) closes it. A click pins a
 * unit, and the input region it can see is outlined below.
 * Rows, columns and channels are shown counting from 1.
 */
export function ChannelView({ name = 'layer', values, dims, channel, range, normalization, onClose, field = null, input = null }: Props) {
  const { cell, handlers } = useProbe(dims);
  const closeRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const mapRef = useRef<HTMLDivElement>(null);
  // The map as drawn (its colour scale included), one pixel per unit.
  const saveMap = () => {
    const canvas = mapRef.current?.querySelector('canvas');
    if (canvas) downloadCanvas(canvas, `${name}-channel${channel + 1}.png`);
  };
  // Opening the view moves focus to it, so keyboard users land where the content is.
  useEffect(() => closeRef.current?.focus(), []);
  const t = useT();
  return (
    <div className="insp-view" role="group" aria-labelledby={headingId}>
      <div className="insp-view-head">
        <h3 id={headingId}>{t('insp.channel', { n: String(channel + 1) })}</h3>
        <button type="button" className="insp-save" onClick={saveMap}>{t('insp.saveMap')}</button>
        <button type="button" ref={closeRef} className="insp-close" aria-label={t('insp.closeView')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className="insp-view-map" ref={mapRef} style={{ aspectRatio: `${dims.width} / ${dims.height}` }}>
        <ChannelCanvas
          values={values}
          dims={dims}
          channel={channel}
          range={range}
          tabIndex={0}
          aria-label={t('insp.mapLabel', { n: String(channel + 1), height: String(dims.height), width: String(dims.width) })}
          {...handlers}
        />
        {cell && <Marker cell={cell} dims={dims} />}
      </div>
      <p className="insp-readout" aria-live="polite">
        {cell
          ? t('insp.readout', { row: String(cell.row + 1), col: String(cell.col + 1), value: formatReadout(valueAt(values, dims, cell.row, cell.col, channel)) })
          : t('insp.pointAt')}
      </p>
      <ColourLegend low={formatValue(range.min)} high={formatValue(range.max)} caption={t('insp.scaledTo', { scope: normalization === 'channel' ? 'channel' : 'layer' })} />
      {field?.spatial && <UnitField field={field} cell={cell} input={input} />}
    </div>
  );
}

/**
 * The cell being read: follows the pointer until a click pins it; the arrow keys move it
 * (pinned) when the map has focus.
 */
function useProbe(dims: MapDims) {
  const [cell, setCell] = useState<Cell | null>(null);
  const [pinned, setPinned] = useState(false);
  const at = (e: PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return cellAt(e.clientX - box.left, e.clientY - box.top, box.width, box.height, dims);
  };
  const handlers = {
    onPointerMove: (e: PointerEvent<HTMLCanvasElement>) => {
      if (!pinned) setCell(at(e));
    },
    onPointerDown: (e: PointerEvent<HTMLCanvasElement>) => {
      setCell(at(e));
      setPinned(true);
    },
    onPointerLeave: () => {
      if (!pinned) setCell(null);
    },
    onKeyDown: (e: KeyboardEvent<HTMLCanvasElement>) => {
      const step = ARROWS[e.key];
      if (!step) return;
      e.preventDefault();
      setPinned(true);
      setCell((c) => stepCell(c ?? { row: 0, col: 0 }, step[0], step[1], dims));
    },
  };
  // A cell read on a bigger map (the layer changed under the view) is not on this one.
  const onMap = cell !== null && cell.row < dims.height && cell.col < dims.width;
  return { cell: onMap ? cell : null, handlers };
}

function formatReadout(v: number): string {
  return Math.abs(v) >= 1e4 ? v.toExponential(3) : v.toFixed(4);
}

/** Outlines the cell being read so the number and the place agree. */
function Marker({ cell, dims }: { readonly cell: Cell; readonly dims: MapDims }) {
  const style = {
    left: `${(cell.col / dims.width) * 100}%`,
    top: `${(cell.row / dims.height) * 100}%`,
    width: `${100 / dims.width}%`,
    height: `${100 / dims.height}%`,
  };
  return <span className="insp-marker" style={style} aria-hidden="true" />;
}
