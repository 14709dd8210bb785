/** The Keras-style text table of a summary: what `summary` prints and the page's layer table saves as text. */
import { summaryName, type ModelSummary } from './summary';
import { formatCount, formatShape, kerasShape } from './vocabulary';

const HEADERS = ['Layer (type)', 'Output Shape', 'Param #', 'Connected to'] as const;

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
}

export function formatSummary(summary: ModelSummary): string {
  const rows = summary.layers.map((l) => [
    `${l.name} (${l.type})`,
    kerasShape(l.outputShape),
    formatCount(l.params),
    l.inputs.join(', '),
  ]);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const rule = (ch: string) => ch.repeat(widths.reduce((a, b) => a + b + 2, -2));
  const variant = summary.seedLiteral ? ', stage-5 identity filters [256, 256, 2048] as the text reads' : '';
  return [
    `Model: ResNet50 (${summaryName(summary)}${variant}), input ${formatShape(summary.inputShape)}, ${summary.classes} classes`,
    rule('_'),
    pad(HEADERS, widths),
    rule('='),
    ...rows.map((r) => pad(r, widths)),
    rule('='),
    `Total params: ${formatCount(summary.totalParams)}`,
    `Trainable params: ${formatCount(summary.trainableParams)}`,
    `Non-trainable params: ${formatCount(summary.nonTrainableParams)}`,
    rule('_'),
  ].join('\n');
}
