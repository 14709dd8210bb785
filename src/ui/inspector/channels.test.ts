import { describe, expect, it } from 'vitest';
import {
  cellAt,
  mapDims,
  normalize,
  pageOf,
  pageOfChannel,
  rangeFor,
  stepCell,
  topValues,
  valueAt,
  zipRanges,
} from './channels';
import { chinese } from '../../test-support/chinese';
import { formatRatio, formatValue, residualSentence } from './format';

/** A 2 x 3 x 4 map whose value encodes its position: row * 100 + col * 10 + channel. */
function encoded() {
  const dims = { height: 2, width: 3, channels: 4 };
  const values = new Float32Array(24);
  for (let r = 0; r < 2; r++) for (let c = 0; c < 3; c++) for (let ch = 0; ch < 4; ch++) values[(r * 3 + c) * 4 + ch] = r * 100 + c * 10 + ch;
  return { dims, values };
}

describe('mapDims', () => {
  it('reads H x W x C and rejects other ranks', () => {
    expect(mapDims([56, 56, 256])).toEqual({ height: 56, width: 56, channels: 256 });
    expect(mapDims([1000])).toBeNull();
    expect(mapDims([2, 2])).toBeNull();
    expect(mapDims([7, -1, 3])).toBeNull();
  });
});

describe('valueAt', () => {
  it('reads a channels-last value by row, column and channel', () => {
    const { dims, values } = encoded();
    expect(valueAt(values, dims, 1, 2, 3)).toBe(123);
    expect(valueAt(values, dims, 0, 1, 0)).toBe(10);
  });
});

describe('channel ranges and normalisation', () => {
  it('pairs the per-channel minima and maxima', () => {
    expect(zipRanges([1, -2, 0], [121, 5, 0])).toEqual([
      { min: 1, max: 121 },
      { min: -2, max: 5 },
      { min: 0, max: 0 },
    ]);
    expect(zipRanges([], [])).toEqual([]);
  });

  it('picks the channel range or the layer range', () => {
    const ranges = [{ min: 0, max: 1 }, { min: -2, max: 5 }];
    const layer = { min: -2, max: 9 };
    expect(rangeFor('channel', ranges, layer, 1)).toBe(ranges[1]);
    expect(rangeFor('layer', ranges, layer, 1)).toBe(layer);
    expect(rangeFor('channel', ranges, layer, 7)).toBe(layer);
  });

  it('maps into 0..1, clamps, and sends a flat range to 0', () => {
    expect(normalize(5, { min: 0, max: 10 })).toBe(0.5);
    expect(normalize(-3, { min: 0, max: 10 })).toBe(0);
    expect(normalize(30, { min: 0, max: 10 })).toBe(1);
    expect(normalize(0, { min: 0, max: 0 })).toBe(0);
  });
});

describe('cellAt and stepCell', () => {
  const dims = { height: 7, width: 7, channels: 1 };
  it('maps a point in the drawn box to a cell', () => {
    expect(cellAt(0, 0, 280, 280, dims)).toEqual({ row: 0, col: 0 });
    expect(cellAt(279.9, 41, 280, 280, dims)).toEqual({ row: 1, col: 6 });
    expect(cellAt(-1, 5, 280, 280, dims)).toBeNull();
    expect(cellAt(5, 280, 280, 280, dims)).toBeNull();
  });
  it('steps and stays on the map', () => {
    expect(stepCell({ row: 0, col: 6 }, -1, 1, dims)).toEqual({ row: 0, col: 6 });
    expect(stepCell({ row: 3, col: 3 }, 1, -1, dims)).toEqual({ row: 4, col: 2 });
  });
});

describe('paging', () => {
  it('pages 64 channels at a time and clamps', () => {
    expect(pageOf(256, 0)).toEqual({ index: 0, pages: 4, start: 0, end: 64, total: 256 });
    expect(pageOf(2048, 31)).toMatchObject({ start: 1984, end: 2048, pages: 32 });
    expect(pageOf(3, 5)).toEqual({ index: 0, pages: 1, start: 0, end: 3, total: 3 });
    expect(pageOf(100, -1).index).toBe(0);
    expect(pageOfChannel(64)).toBe(1);
    expect(pageOfChannel(63)).toBe(0);
  });
});

describe('topValues', () => {
  it('returns the largest values with their index, ties by index', () => {
    expect(topValues(new Float32Array([0.1, 3, -1, 3, 2]), 3)).toEqual([
      { index: 1, value: 3 },
      { index: 3, value: 3 },
      { index: 4, value: 2 },
    ]);
    expect(topValues([1, 2], 5)).toHaveLength(2);
  });
});

describe('format', () => {
  it('formats values and ratios for reading', () => {
    expect(formatValue(0)).toBe('0');
    expect(formatValue(0.482139)).toBe('0.4821');
    expect(formatValue(12345.6)).toBe('12350');
    expect(formatValue(0.00001234)).toBe('1.23e-5');
    expect(formatRatio(0.3127)).toBe('0.31×');
    expect(formatRatio(14.2)).toBe('14×');
  });

  it('says how big the residual branch is next to the shortcut', () => {
    expect(residualSentence(0.31, 1)).toBe(
      "The residual branch adds 0.31× the shortcut's size: the block mostly passes its input through and learns a correction.",
    );
    expect(residualSentence(1, 1)).toContain('about as much');
    expect(residualSentence(3, 1)).toContain('rewrites');
    expect(residualSentence(1, 0)).toContain('shortcut is all zeros');
  });

  it('says it in Chinese too, with the same ratio', () => {
    expect(residualSentence(0.31, 1, chinese)).toBe('残差分支的大小是捷径的 0.31×：这个块主要是把输入传下去，只学一个修正。');
    expect(residualSentence(3, 1, chinese)).toContain('改写');
    expect(residualSentence(1, 0, chinese)).toContain('捷径全是零');
    expect(residualSentence(0, 0, chinese)).toContain('什么也不输出');
  });
});
