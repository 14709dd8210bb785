// `lesion` and `compare` on the SIGNS preset (seeded, 64x64: the properties need no
// training), checked against the model client called directly; bad input is one line, exit 2.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImageFile } from '../model/image/decode-node';
import { startEngine, type CliEngine } from './engine';
import { runCli } from './run';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lesion-'));
const files = ['a.png', 'b.png', 'c.png'].map((name, i) => {
  const file = path.join(dir, name);
  copyFileSync(`public/samples/${i === 1 ? 'coffee' : 'chelsea'}.png`, file);
  return file;
});
let engine: CliEngine;

beforeAll(async () => {
  engine = await startEngine('signs');
});
afterAll(() => engine.dispose());

interface LesionOut {
  images: number;
  intact: { top1: number | null; top5: number | null };
  blocks: { block: string; type: string; top1: number | null; top5: number | null; meanProbabilityOfIntactTop1: number }[];
}

describe('cli lesion', () => {
  it('--limit 2 --json: the intact network, then each of the 16 blocks off on its own, as the client computes them', async () => {
    // The sample of 2 of 3 is a.png and c.png (both chelsea); label them with the intact top class.
    const image = await decodeImageFile(files[0]);
    const { modelId } = engine.model;
    const intact = await engine.client.classify(modelId, image, { topK: 6 });
    const labels = path.join(dir, 'labels.json');
    writeFileSync(labels, JSON.stringify({ 'a.png': intact.predictions[0].index, 'c.png': intact.predictions[0].index, 'b.png': 'class 9' }));
    const r = await runCli(['lesion', dir, '--limit', '2', '--labels', labels, '--preset', 'signs', '--json', '--quiet']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as LesionOut;
    expect(out.images).toBe(2);
    expect(out.intact).toEqual({ top1: 1, top5: 1 });
    expect(out.blocks.map((b) => b.block)).toEqual(['res2a', 'res2b', 'res2c', 'res3a', 'res3b', 'res3c', 'res3d', 'res4a', 'res4b', 'res4c', 'res4d', 'res4e', 'res4f', 'res5a', 'res5b', 'res5c']);
    expect(out.blocks.filter((b) => b.type === 'convolutional').map((b) => b.block)).toEqual(['res2a', 'res3a', 'res4a', 'res5a']);
    for (const b of out.blocks.filter((_, i) => i % 5 === 0)) {
      const off = await engine.client.classify(modelId, image, { topK: 6, lesion: [b.block] });
      const p = off.predictions.find((x) => x.index === intact.predictions[0].index)?.probability;
      expect(b.meanProbabilityOfIntactTop1).toBeCloseTo(p ?? NaN, 5);
      expect(b.top1).toBe(off.predictions[0].index === intact.predictions[0].index ? 1 : 0);
      await engine.client.release(off.resultId);
    }
    await engine.client.release(intact.resultId);
  });

  it('without labels: top-1 and top-5 are null, the kept probability is still measured', async () => {
    const r = await runCli(['lesion', files[1], '--preset', 'signs', '--json', '--quiet']);
    const out = JSON.parse(r.stdout) as LesionOut;
    expect(out.intact).toEqual({ top1: null, top5: null });
    expect(out.blocks.every((b) => b.meanProbabilityOfIntactTop1 > 0 && b.meanProbabilityOfIntactTop1 <= 1)).toBe(true);
  });

  it.each([
    [['--limit', '0'], 'lesion: --limit must be a whole number of at least 1 (got "0")'],
    [['--preset', 'cifar'], 'lesion: unknown preset "cifar": use one of signs, imagenet'],
  ])('bad input %j: one line, exit 2', async (extra, message) => {
    expect(await runCli(['lesion', dir, '--json', ...extra])).toEqual({ code: 2, stdout: '', stderr: message });
  });
});

describe('cli compare', () => {
  it('an image with itself: cosine 1 and relative L2 0 at every layer', async () => {
    const r = await runCli(['compare', files[0], files[2], '--preset', 'signs', '--json']);
    const { layers } = JSON.parse(r.stdout) as { layers: { name: string; cosine: number; relativeL2: number }[] };
    expect(layers.map((l) => l.name)).toEqual(engine.model.summary.layers.slice(1).map((l) => l.name));
    for (const l of layers) expect([l.cosine, l.relativeL2]).toEqual([expect.closeTo(1, 5), 0]);
  });

  it('intact against lesioned: equal before the block, apart after it, the removed branch left out', async () => {
    const r = await runCli(['compare', files[0], files[0], '--lesion', 'res3b', '--preset', 'signs', '--json']);
    const { layers } = JSON.parse(r.stdout) as { layers: { name: string; relativeL2: number }[] };
    const at = (name: string) => layers.find((l) => l.name === name);
    expect(at('res3a_relu')?.relativeL2).toBe(0);
    expect(at('res3b_branch2b')).toBeUndefined();
    expect(at('res3b_relu')?.relativeL2).toBeGreaterThan(0);
    expect(at('fc6')?.relativeL2).toBeGreaterThan(0);
  });

  it.each([
    [[files[0]], 'compare: takes exactly two image files, A and B'],
    [[files[0], files[1], '--lesion', 'res1a'], /^compare: unknown block "res1a": the blocks are res2a/],
    [[files[0], path.join(dir, 'missing.png')], /^compare: .*missing\.png/],
  ])('bad input %j: one line, exit 2', async (args, message) => {
    const r = await runCli(['compare', ...args, '--preset', 'signs', '--json']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(message);
  });
});
