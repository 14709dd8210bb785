import { memo } from 'react';
import { formatShape, type ModelSummary } from '../model/pure';
import { useT } from './i18n/I18n';

interface Props {
  readonly summary: ModelSummary;
}

/** The three parameter totals, as Keras prints them under a summary. Memoised: it depends on the model only. */
export const ModelTotals = memo(function ModelTotals({ summary }: Props) {
  const t = useT();
  return (
    <section className="totals" aria-label={t('totals.label')}>
      <dl>
        <div>
          <dt>{t('totals.total')}</dt>
          <dd data-testid="total-params">{t.count(summary.totalParams)}</dd>
        </div>
        <div>
          <dt>{t('totals.trainable')}</dt>
          <dd data-testid="trainable-params">{t.count(summary.trainableParams)}</dd>
        </div>
        <div>
          <dt>{t('totals.nonTrainable')}</dt>
          <dd data-testid="non-trainable-params">{t.count(summary.nonTrainableParams)}</dd>
        </div>
        <div>
          <dt>{t('totals.io')}</dt>
          <dd>{formatShape(summary.inputShape)} → {summary.classes}</dd>
        </div>
      </dl>
    </section>
  );
});
