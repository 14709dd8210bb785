/**
 * What the page shows, as CSV (RFC 4180: commas, quotes doubled, CRLF line ends, a header
 * row), for a spreadsheet or pandas: the top-5, a run of many files, the layer table.
 */
import { kerasShape, type ModelSummary } from '../../model/pure';
import type { Prediction } from '../../client/types';

type Cell = string | number;

function cell(value: Cell): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

const PREDICTION_HEADER = ['file', 'rank', 'class_index', 'label', 'probability'] as const;

function predictionRows(file: string, predictions: readonly Prediction[]): Cell[][] {
  return predictions.map((p, i) => [file, i + 1, p.index, p.label, p.probability]);
}

/** One image's top-k: file, rank, class index, label, probability (0-1, full precision). */
export function predictionsCsv(file: string, predictions: readonly Prediction[]): string {
  return csv(PREDICTION_HEADER, predictionRows(file, predictions));
}

export interface RunRow {
  readonly name: string;
  readonly status: string;
  readonly message?: string;
  readonly predictions?: readonly Prediction[];
}

/** Every file of a run: its top-k rows when it ran, else one row with its state and why. */
export function runCsv(items: readonly RunRow[]): string {
  const rows = items.flatMap((it): Cell[][] =>
    it.predictions?.length
      ? predictionRows(it.name, it.predictions).map((r) => [...r, it.status, ''])
      : [[it.name, '', '', '', '', it.status, it.message ?? '']]);
  return csv([...PREDICTION_HEADER, 'status', 'message'], rows);
}

/** The layer table: name, Keras type, output shape (None first), parameters, inputs. */
export function summaryCsv(summary: ModelSummary): string {
  return csv(
    ['layer', 'type', 'output_shape', 'params', 'connected_to'],
    summary.layers.map((l) => [l.name, l.type, kerasShape(l.outputShape), l.params, l.inputs.join(' ')]),
  );
}
