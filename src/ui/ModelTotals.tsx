import { memo } from 'react';
import { formatCount, formatShape, type ModelSummary } from '../model/pure';

interface Props {
  readonly summary: ModelSummary;
}

/** The three parameter totals, as Keras prints them under a summary. Memoised: it depends on the model only. */
export const ModelTotals = memo(function ModelTotals({ summary }: Props) {
  return (
    <section className="totals" aria-label="Model totals">
      <dl>
        <div>
          <dt>Total params</dt>
          <dd data-testid="total-params">{formatCount(summary.totalParams)}</dd>
        </div>
        <div>
          <dt>Trainable params</dt>
          <dd data-testid="trainable-params">{formatCount(summary.trainableParams)}</dd>
        </div>
        <div>
          <dt>Non-trainable params</dt>
          <dd data-testid="non-trainable-params">{formatCount(summary.nonTrainableParams)}</dd>
        </div>
        <div>
          <dt>Input → classes</dt>
          <dd>{formatShape(summary.inputShape)} → {summary.classes}</dd>
        </div>
      </dl>
    </section>
  );
});
