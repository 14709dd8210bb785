// `attribute` on the real ImageNet model (Grad-CAM and a unit's field are cheap: the head,
// or the stem and stage 2, differentiated); the slow gradient methods are tested on SIGNS
// in src/explain/attribute.test.ts and the contract suite.
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { runCli } from './run';

const dir = mkdtempSync(path.join(os.tmpdir(), 'attribute-'));

describe('cli attribute', () => {
  it('gradcam --json: the top class at res5c_relu, a 7x7 map, PNG and .npy written', async () => {
    const [png, npy] = [path.join(dir, 'cam.png'), path.join(dir, 'cam.npy')];
    const r = await runCli(['attribute', 'public/samples/chelsea.png', '--method', 'gradcam', '--png', png, '--npy', npy, '--json']);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ method: 'gradcam', layer: 'res5c_relu', class: 285, label: 'Egyptian cat', shape: [7, 7] });
    expect(out.logit).toBeGreaterThan(5);
    expect(out).not.toHaveProperty('completenessGap');
    expect(out.max as number).toBeGreaterThan(out.min as number);
    const picture = PNG.sync.read(await readFile(png));
    expect([picture.width, picture.height]).toEqual([224, 224]);
    const header = (await readFile(npy)).subarray(10, 80).toString('latin1');
    expect(header).toContain("'shape': (7, 7)");
  });

  it('--unit: the effective field of a stage-2 unit, inside its theoretical 35-pixel field', async () => {
    const r = await runCli(['attribute', 'public/samples/coffee.png', '--unit', 'res2c_relu:20:20', '--json']);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { theoretical: Record<string, number>; mass50: number; mass90: number };
    expect(out).toMatchObject({ layer: 'res2c_relu', row: 20, col: 20, theoretical: { size: 35, x0: 63, y0: 63, x1: 97, y1: 97 } });
    expect(out.mass50).toBeGreaterThan(0);
    expect(out.mass50).toBeLessThan(out.mass90);
    expect(out.mass90).toBeLessThanOrEqual(35);
  });

  it.each([
    [['--method', 'lime'], 'attribute: unknown method "lime": use one of gradcam, saliency, smoothgrad, ig'],
    [[], 'attribute: needs --method (gradcam, saliency, smoothgrad, ig) or --unit LAYER:ROW:COL'],
    [['--unit', 'res2c_relu'], 'attribute: --unit takes LAYER:ROW:COL, e.g. res3a_relu:14:14 (got "res2c_relu")'],
    [['--method', 'ig', '--baseline', 'grey'], 'attribute: unknown baseline "grey": use one of black, blur'],
  ])('bad input %j: one line, exit 2', async (args, message) => {
    const r = await runCli(['attribute', 'public/samples/chelsea.png', ...args]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('a class out of range is refused with the valid range', async () => {
    const r = await runCli(['attribute', 'public/samples/chelsea.png', '--method', 'gradcam', '--class', '1000', '--json']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'attribute: class 1000 is out of range: use an integer from 0 to 999' });
  });
});
