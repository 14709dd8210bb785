import { describe, expect, it } from 'vitest';
import { planSummary, presetConfig } from '../../model/pure';
import { csv, predictionsCsv, runCsv, summaryCsv } from './csv';

const top = [
  { index: 285, label: 'Egyptian cat', probability: 0.61 },
  { index: 281, label: 'tabby, tabby cat', probability: 0.2 },
];

describe('CSV exports', () => {
  it('quotes what needs quoting, doubles quotes, and ends every line with CRLF', () => {
    expect(csv(['a', 'b'], [['x, y', 'say "hi"'], ['plain', 3]])).toBe('a,b\r\n"x, y","say ""hi"""\r\nplain,3\r\n');
  });

  it('writes the top-k with ranks from 1 and full-precision probabilities', () => {
    expect(predictionsCsv('cat.png', top)).toBe(
      'file,rank,class_index,label,probability\r\ncat.png,1,285,Egyptian cat,0.61\r\ncat.png,2,281,"tabby, tabby cat",0.2\r\n',
    );
  });

  it('writes a run: the rows of each file that ran, one row with the reason for one that did not', () => {
    const lines = runCsv([
      { name: 'a.png', status: 'done', predictions: top },
      { name: 'b.txt', status: 'failed', message: 'not an image' },
    ]).trimEnd().split('\r\n');
    expect(lines[0]).toBe('file,rank,class_index,label,probability,status,message');
    expect(lines.slice(1)).toEqual(['a.png,1,285,Egyptian cat,0.61,done,', 'a.png,2,281,"tabby, tabby cat",0.2,done,', 'b.txt,,,,,failed,not an image']);
  });

  it('writes the layer table: every layer, Keras shapes, parameters adding up to the total', () => {
    const summary = planSummary(presetConfig('signs'));
    const rows = summaryCsv(summary).trimEnd().split('\r\n');
    expect(rows).toHaveLength(summary.layers.length + 1);
    expect(rows).toContain('res2a_add,Add,"(None, 15, 15, 256)",0,bn2a_branch2c bn2a_branch1');
    const total = rows.slice(1).reduce((sum, r) => sum + Number(r.split(',').at(-2)), 0);
    expect(total).toBe(23_600_006);
  });
});
