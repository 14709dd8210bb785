/** Pin the image on show as A, run another as B: how alike their activations are, layer by layer. */
import { memo } from 'react';
import type { Comparison } from '../../inspect/types';
import { CompareCurve } from './CompareCurve';
import type { DepthSection } from './curve';
import { leastAlike } from './curve';
import { formatDistance, formatSimilarity } from './format';
import './compare.css';
import { useT } from '../i18n/I18n';

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
  const t = useT();
  const low = leastAlike(comparison.layers);
  // ‖A − B‖ is summed from the differences, so it is exactly 0 for equal maps (a cosine may round to 0.9999999).
  const same = comparison.layers.every((l) => l.relativeL2 === 0);
  if (!low) return null;
  return (
    <p className="cmp-summary" aria-live="polite">
      {same
        ? t('cmp.identical', { n: String(comparison.layers.length) })
        : t('cmp.summary', { n: String(comparison.layers.length), name: low.name, cosine: formatSimilarity(low.cosine), l2: formatDistance(low.relativeL2, t) })}
    </p>
  );
}

export const ComparePanel = memo(function ComparePanel(props: Props) {
  const { aLabel, bLabel, comparison } = props;
  const t = useT();
  return (
    <section className="cmp" aria-label={t('cmp.title')}>
      <div className="cmp-head">
        <h2>{t('cmp.title')}</h2>
        <div className="cmp-actions">
          <button type="button" onClick={props.onPin} disabled={!props.canPin}>{t(aLabel ? 'cmp.pinInstead' : 'cmp.pin')}</button>
          {aLabel && <button type="button" onClick={props.onUnpin}>{t('cmp.unpin')}</button>}
        </div>
      </div>
      {!aLabel ? (
        <p className="explain-hint">{t('cmp.hint')}</p>
      ) : (
        <p className="cmp-pair">
          <span><b>A</b> {aLabel}</span>
          <span><b>B</b> {bLabel ?? t('cmp.noB')}</span>
        </p>
      )}
      {comparison && bLabel && (
        <div className={props.loading ? 'cmp-body is-stale' : 'cmp-body'}>
          <Summary comparison={comparison} />
          <CompareCurve layers={comparison.layers} sectionOf={props.sectionOf} selected={props.selected} onOpen={props.onOpen} />
          <p className="explain-hint">{t('cmp.clickHint')}</p>
        </div>
      )}
      {props.loading && !comparison && <p className="explain-hint" role="status">{t('cmp.comparing')}</p>}
    </section>
  );
});
