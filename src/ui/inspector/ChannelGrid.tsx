import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { pageOf, pageOfChannel, rangeFor, type MapDims, type Normalization, type Page, type ValueRange } from './channels';
import { mosaicLayout } from './mosaic';
import { MosaicCanvas } from './MosaicCanvas';
import { useT } from '../i18n/I18n';

interface Props {
  /** The layer's name: a new layer starts on the page of `selected` (or the first). */
  readonly name: string;
  readonly values: Float32Array;
  readonly dims: MapDims;
  readonly ranges: readonly ValueRange[];
  readonly layerRange: ValueRange;
  readonly normalization: Normalization;
  readonly selected: number | null;
  readonly onChannel: (channel: number | null) => void;
  /** Tiles per row, chosen from the width available. */
  readonly columns: number;
}

/**
 * Every channel of a rank-3 activation as a small map, 64 to a page. The maps are painted
 * into one canvas; a grid of transparent buttons, one per map, lies exactly over it.
 * Channels are numbered from 1 for people; `onChannel` receives the zero-based index.
 */
export function ChannelGrid({ name, values, dims, ranges, layerRange, normalization, selected, onChannel, columns }: Props) {
  // The grid stays mounted from layer to layer, so its 64 buttons and its canvas are reused
  // rather than rebuilt (a switch then lays out far less); a new layer starts on the page
  // of the selected channel, or the first.
  const startPage = selected === null ? 0 : pageOfChannel(selected);
  const [paged, setPaged] = useState({ name, index: startPage });
  if (paged.name !== name) setPaged({ name, index: startPage });
  const pageIndex = paged.name === name ? paged.index : startPage;
  const setPageIndex = useCallback((index: number) => setPaged({ name, index }), [name]);
  const page = pageOf(dims.channels, pageIndex);
  const gridRef = useFocusReturn(selected);
  const labelId = useId();
  const { start, end } = page;
  const channels = useMemo(() => Array.from({ length: end - start }, (_, i) => start + i), [start, end]);
  const pageRanges = useMemo(
    () => channels.map((ch) => rangeFor(normalization, ranges, layerRange, ch)),
    [channels, normalization, ranges, layerRange],
  );
  const layout = useMemo(() => mosaicLayout(channels.length, dims, columns), [channels.length, dims, columns]);
  const tracks = {
    gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))`,
    gridTemplateRows: `repeat(${layout.rows}, minmax(0, 1fr))`,
  };
  return (
    <div className="insp-grid-wrap">
      <Pager page={page} labelId={labelId} onPage={setPageIndex} />
      <div className="insp-mosaic" style={{ aspectRatio: `${layout.width} / ${layout.height}` }}>
        <MosaicCanvas layer={name} values={values} dims={dims} layout={layout} first={start} ranges={pageRanges} />
        <ul className="insp-tiles" ref={gridRef} aria-labelledby={labelId} style={tracks}>
          {channels.map((ch) => (
            <li key={ch}>
              <Tile channel={ch} pressed={selected === ch} onChannel={onChannel} />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function Pager({ page, labelId, onPage }: { readonly page: Page; readonly labelId: string; readonly onPage: (index: number) => void }) {
  const t = useT();
  return (
    <nav className="insp-pager" aria-label={t('insp.pages')}>
      <button type="button" onClick={() => onPage(page.index - 1)} disabled={page.index === 0}>
        {t('insp.prevPage')}
      </button>
      <span id={labelId} aria-live="polite">
        {t('insp.pageOf', { start: String(page.start + 1), end: String(page.end), total: String(page.total) })}
      </span>
      <button type="button" onClick={() => onPage(page.index + 1)} disabled={page.index >= page.pages - 1}>
        {t('insp.nextPage')}
      </button>
    </nav>
  );
}

interface TileProps {
  readonly channel: number;
  readonly pressed: boolean;
  readonly onChannel: (channel: number | null) => void;
}

/** A transparent button over one map of the mosaic; pressing the open channel closes it. */
function Tile({ channel, pressed, onChannel }: TileProps) {
  const t = useT();
  return (
    <button
      type="button"
      className="insp-tile"
      aria-label={t('insp.channel', { n: String(channel + 1) })}
      aria-pressed={pressed}
      data-channel={channel}
      onClick={() => onChannel(pressed ? null : channel)}
    >
      <span className="insp-tile-num" aria-hidden="true">{channel + 1}</span>
    </button>
  );
}

/**
 * When the large view closes while focus was inside it, focus would fall to <body>;
 * put it back on the tile the view came from so keyboard users keep their place.
 */
function useFocusReturn(selected: number | null) {
  const gridRef = useRef<HTMLUListElement>(null);
  const previous = useRef<number | null>(selected);
  useEffect(() => {
    const was = previous.current;
    previous.current = selected;
    if (was === null || selected !== null) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    gridRef.current?.querySelector<HTMLButtonElement>(`[data-channel="${was}"]`)?.focus();
  }, [selected]);
  return gridRef;
}
