/** Pin the image on show as A, run another as B: how alike their activations are, layer by layer. */
import { memo } from 'react';
import type { Comparison } from '../../inspect/types';
import { CompareCurve } from './CompareCurve';
import type { DepthSection } from './curve';
import { leastAlike } from './curve';
import { formatDistance, formatSimilarity } from './format';
import './compare.css';

interface Props {
  /** “chelsea.png (intact)”; null when nothing is pinned. */
  readonly aLabel: string | null;
  readonly bLabel: string | null;
  readonly canPin: boolean;
  readonly comparison: Comparison | null;
  readonly loading: boolean;
  readonly sectionOf: (name: string) => DepthSection;
  readonly selected: string | null;
  readonly onOpen: (name: string) => void;
  readonly onPin: () => void;
  readonly onUnpin: () => void;
}

function Summary({ comparison }: { readonly comparison: Comparison }) {
  const low = leastAlike(comparison.layers);
  // ‖A − B‖ is summed from the differences, so it is exactly 0 for equal maps (a cosine may round to 0.9999999).
  const same = comparison.layers.every((l) => l.relativeL2 === 0);
  if (!low) return null;
  return (
    <p className="cmp-summary" aria-live="polite">
      {same
        ? `Identical at all ${comparison.layers.length} layers: cosine 1 and distance 0 everywhere.`
        : `${comparison.layers.length} layers compared; least alike at ${low.name} (cosine ${formatSimilarity(low.cosine)}, relative L2 ${formatDistance(low.relativeL2)}).`}
    </p>
  );
}

export const ComparePanel = memo(function ComparePanel(props: Props) {
  const { aLabel, bLabel, comparison } = props;
  return (
    <section className="cmp" aria-label="Compare two images">
      <div className="cmp-head">
        <h2>Compare two images</h2>
        <div className="cmp-actions">
          <button type="button" onClick={props.onPin} disabled={!props.canPin}>{aLabel ? 'Pin this image as A instead' : 'Pin this image as A'}</button>
          {aLabel && <button type="button" onClick={props.onUnpin}>Unpin A</button>}
        </div>
      </div>
      {!aLabel ? (
        <p className="explain-hint">
          Pin the image on show as A, then drop another image as B, or switch blocks off to run the same image as B on the
          lesioned network. For every layer the page then draws how alike A’s and B’s activations are: cosine similarity
          (1: the same direction) and the relative distance ‖A − B‖ / ‖A‖ (0: the same values).
        </p>
      ) : (
        <p className="cmp-pair">
          <span><b>A</b> {aLabel}</span>
          <span><b>B</b> {bLabel ?? 'none yet: drop another image, or switch a block off'}</span>
        </p>
      )}
      {comparison && bLabel && (
        <div className={props.loading ? 'cmp-body is-stale' : 'cmp-body'}>
          <Summary comparison={comparison} />
          <CompareCurve layers={comparison.layers} sectionOf={props.sectionOf} selected={props.selected} onOpen={props.onOpen} />
          <p className="explain-hint">Click a point (or focus one and press Enter; arrows move along depth) to see A’s and B’s maps of that layer in the inspector.</p>
        </div>
      )}
      {props.loading && !comparison && <p className="explain-hint" role="status">Comparing A and B…</p>}
    </section>
  );
});
