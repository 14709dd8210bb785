// --model FILE on the command line (issue 13): the committed Keras fixtures, as a person would pass them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeNpy } from '../inspect/npy';
import { FIXTURES } from '../test-support/keras-files';
import { runCli } from './run';

beforeAll(() => tf.enableProdMode());

const at = (name: string) => path.join(FIXTURES, name);

describe('cli --model', () => {
  it('summary --model --json: the file’s own names, its origin, no preset', async () => {
    const r = await runCli(['summary', '--model', at('tiny-applications-names.keras'), '--json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const s = JSON.parse(r.stdout) as { preset: null; model: { format: string; scheme: string; preprocess: string }; classes: number; layers: { name: string; inputs: string[] }[] };
    expect([s.preset, s.model.format, s.model.scheme, s.model.preprocess, s.classes]).toEqual([null, 'keras', 'applications', 'caffe', 6]);
    expect(s.layers.find((l) => l.name === 'conv2_block1_add')?.inputs).toEqual(['conv2_block1_3_bn', 'conv2_block1_0_bn']);
  });

  it('predict --json and --npy reproduce Keras’ outputs for every fixture format', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'predict-'));
    const want = decodeNpy(await readFile(at('tiny-seed-literal.y.npy'))).values;
    for (const file of ['tiny-seed-literal.keras', 'tiny-seed-literal.h5', 'tiny-seed-literal.weights.h5']) {
      const out = path.join(dir, `${file}.npy`);
      const r = await runCli(['predict', '--model', at(file), '--input', at('tiny-seed-literal.x.npy'), '--npy', out, '--json']);
      expect([r.code, r.stderr]).toEqual([0, '']);
      const json = JSON.parse(r.stdout) as { shape: number[]; outputs: number[][] };
      expect(json.shape).toEqual([2, 6]);
      json.outputs.flat().forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(1e-4));
      const written = decodeNpy(await readFile(out));
      expect(written.shape).toEqual([2, 6]);
      expect(Array.from(written.values)).toEqual(json.outputs.flat().map(Math.fround));
    }
    await rm(dir, { recursive: true });
  });

  it('classify and inspect run the file, with a labels file and the file’s layer names', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'labels-'));
    const labels = path.join(dir, 'labels.json');
    writeFileSync(labels, JSON.stringify(['zero', 'one', 'two', 'three', 'four', 'five']));
    const r = await runCli(['classify', 'public/samples/coffee.png', '--model', at('tiny-seed-names.h5'), '--labels', labels, '--json', '--top', '6']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const top = (JSON.parse(r.stdout) as { results: { top: { label: string }[] }[] }).results[0].top.map((p) => p.label);
    expect([...top].sort()).toEqual(['five', 'four', 'one', 'three', 'two', 'zero']);
    const i = await runCli(['inspect', 'public/samples/coffee.png', '--model', at('tiny-seed-names.h5'), '--layer', 'activation_3', '--json']);
    expect((JSON.parse(i.stdout) as { shape: number[] }).shape).toEqual([15, 15, 16]);
    const unknown = await runCli(['inspect', 'public/samples/coffee.png', '--model', at('tiny-seed-names.h5'), '--layer', 'res2a_relu']);
    expect(unknown.stderr).toMatch(/^inspect: unknown layer "res2a_relu": did you mean /);
    await rm(dir, { recursive: true });
  });

  it('a bad model file: one line naming it and the problem, a non-zero exit', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bad-model-'));
    const page = path.join(dir, 'ResNet50.h5');
    writeFileSync(page, '<!DOCTYPE html><html><body>Not found</body></html>');
    for (const command of [['classify', 'public/samples/coffee.png'], ['summary'], ['predict', '--input', at('tiny-seed-names.x.npy')]]) {
      const r = await runCli([...command, '--model', page]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^[a-z]+: ResNet50\.h5: is a web page \(HTML\), not an HDF5 model file/);
      expect(r.stderr.split('\n')).toHaveLength(1);
    }
    const missing = await runCli(['summary', '--model', path.join(dir, 'nope.keras')]);
    expect(missing).toMatchObject({ code: 1, stderr: `summary: ${path.join(dir, 'nope.keras')}: no such file` });
    const wrong = await runCli(['predict', '--model', at('tiny-seed-names.keras'), '--input', at('tiny-seed-names.y.npy')]);
    expect(wrong.stderr).toMatch(/tiny-seed-names\.y\.npy: holds an array of shape \(2, 6\); predict takes N x H x W x 3/);
    await rm(dir, { recursive: true });
  });

  it('usage errors for the model options', async () => {
    expect(await runCli(['classify', 'a.png', '--preprocess', 'zca'])).toMatchObject({ code: 2, stderr: 'classify: unknown preprocess "zca": use one of x255, caffe, torch' });
    expect(await runCli(['classify', 'a.png', '--labels', 'l.txt'])).toMatchObject({ code: 2, stderr: 'classify: --labels goes with --model FILE (a preset has its own)' });
    expect(await runCli(['predict', '--input', 'x.npy'])).toMatchObject({ code: 2, stderr: 'predict: needs --model FILE and --input X.npy' });
  });

  it.each(['summary', 'classify', 'inspect', 'attribute', 'lesion', 'evaluate', 'compare', 'predict', 'receptive-field'])('%s --help', async (command) => {
    const r = await runCli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^usage: npm run -s cli -- ${command}`));
    if (command !== 'receptive-field') expect(r.stdout).toContain('--model FILE');
  });
});
