import { useEffect, useId, useRef, useState } from 'react';
import { ChannelCanvas } from './ChannelCanvas';
import { pageOf, pageOfChannel, rangeFor, type MapDims, type Normalization, type ValueRange } from './channels';

interface Props {
  readonly values: Float32Array;
  readonly dims: MapDims;
  readonly ranges: readonly ValueRange[];
  readonly layerRange: ValueRange;
  readonly normalization: Normalization;
  readonly selected: number | null;
  readonly onChannel: (channel: number | null) => void;
}

/**
 * Every channel of a rank-3 activation as a small map, 64 to a page. Channels are
 * numbered from 1 for people; `onChannel` receives the zero-based index.
 */
export function ChannelGrid({ values, dims, ranges, layerRange, normalization, selected, onChannel }: Props) {
  const [pageIndex, setPageIndex] = useState(() => (selected === null ? 0 : pageOfChannel(selected)));
  const page = pageOf(dims.channels, pageIndex);
  const gridRef = useFocusReturn(selected);
  const labelId = useId();
  const channels = Array.from({ length: page.end - page.start }, (_, i) => page.start + i);
  return (
    <div className="insp-grid-wrap">
      <nav className="insp-pager" aria-label="Channel pages">
        <button type="button" onClick={() => setPageIndex(page.index - 1)} disabled={page.index === 0}>
          Previous page
        </button>
        <span id={labelId} aria-live="polite">
          Channels {page.start + 1}–{page.end} of {page.total}
        </span>
        <button type="button" onClick={() => setPageIndex(page.index + 1)} disabled={page.index >= page.pages - 1}>
          Next page
        </button>
      </nav>
      <ul className="insp-grid" ref={gridRef} aria-labelledby={labelId}>
        {channels.map((ch) => (
          <li key={ch}>
            <button
              type="button"
              className="insp-tile"
              aria-label={`Channel ${ch + 1}`}
              aria-pressed={selected === ch}
              data-channel={ch}
              onClick={() => onChannel(selected === ch ? null : ch)}
            >
              <ChannelCanvas values={values} dims={dims} channel={ch} range={rangeFor(normalization, ranges, layerRange, ch)} aria-hidden="true" />
              <span className="insp-tile-num" aria-hidden="true">{ch + 1}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
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
