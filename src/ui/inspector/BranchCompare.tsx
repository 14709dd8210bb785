import { scaleLinear } from 'd3';
import { useId } from 'react';
import type { BranchData } from '../../inspect/types';
import { formatRatio, formatValue, residualSentence } from './format';
import { useT } from '../i18n/I18n';

interface Props {
  readonly main: BranchData;
  readonly shortcut: BranchData;
}

/**
 * The lesson of ResNets in one panel: an add layer sums a residual branch and a shortcut,
 * and the residual is usually the smaller of the two, a correction to what passes through.
 */
export function BranchCompare({ main, shortcut }: Props) {
  const width = scaleLinear().domain([0, Math.max(main.norm, shortcut.norm, 1e-12)]).range([0, 100]);
  const titleId = useId();
  const t = useT();
  const ratio = shortcut.norm > 0 ? main.norm / shortcut.norm : Infinity;
  return (
    <section className="insp-branches" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('branch.title')}</h3>
      <div className="insp-branch-cards">
        <BranchCard kind="residual" title={t('branch.residual')} branch={main} />
        <BranchCard kind="shortcut" title={t('branch.shortcut')} branch={shortcut} />
      </div>
      <figure className="insp-norms" role="img" aria-label={t('branch.norms', { residual: formatValue(main.norm), shortcut: formatValue(shortcut.norm), ratio: formatRatio(ratio) })}>
        <NormBar kind="residual" label={t('branch.residualShort')} value={main.norm} percent={width(main.norm)} />
        <NormBar kind="shortcut" label={t('branch.shortcut')} value={shortcut.norm} percent={width(shortcut.norm)} />
      </figure>
      <p className="insp-lesson">{residualSentence(main.norm, shortcut.norm, t)}</p>
    </section>
  );
}

type Kind = 'residual' | 'shortcut';

function BranchCard({ kind, title, branch }: { readonly kind: Kind; readonly title: string; readonly branch: BranchData }) {
  const t = useT();
  return (
    <article className={`insp-branch insp-${kind}`}>
      <h4>
        {title} (<code>{branch.name}</code>)
      </h4>
      <dl className="insp-dl insp-dl-compact">
        <div>
          <dt>{t('branch.norm')}</dt>
          <dd>{formatValue(branch.norm)}</dd>
        </div>
        <div>
          <dt>{t('branch.mean')}</dt>
          <dd>{formatValue(branch.stats.mean)}</dd>
        </div>
        <div>
          <dt>{t('branch.std')}</dt>
          <dd>{formatValue(branch.stats.std)}</dd>
        </div>
      </dl>
    </article>
  );
}

function NormBar({ kind, label, value, percent }: { readonly kind: Kind; readonly label: string; readonly value: number; readonly percent: number }) {
  return (
    <div className={`insp-norm insp-${kind}`} aria-hidden="true">
      <span className="insp-norm-label">{label}</span>
      <span className="insp-norm-track">
        <span className="insp-norm-fill" style={{ width: `${percent}%` }} />
      </span>
      <span className="insp-norm-value">{formatValue(value)}</span>
    </div>
  );
}
