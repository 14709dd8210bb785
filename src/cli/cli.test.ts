import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runImageFile, startEngine } from './engine';
import { decodeImageFile } from '../model/image/decode-node';
import { buildJpeg, buildPng, pngHeaderOnly } from '../test-support/test-images';
import { webpOf } from '../test-support/webp-encode';
import { EXAMPLES } from './examples';
import { runCli } from './run';

beforeAll(() => tf.enableProdMode());

interface SummaryJson {
  preset: string; inputShape: number[]; classes: number;
  totalParams: number; trainableParams: number; nonTrainableParams: number;
  layers: { name: string; type: string; outputShape: number[]; params: number; inputs: string[] }[];
}

async function summaryJson(...args: string[]): Promise<SummaryJson> {
  const r = await runCli(['summary', ...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as SummaryJson;
}

describe('cli summary --json', () => {
  it('signs: the assignment model', async () => {
    const s = await summaryJson('--preset', 'signs');
    expect(s).toMatchObject({ preset: 'signs', inputShape: [64, 64, 3], classes: 6, totalParams: 23_600_006, trainableParams: 23_546_886, nonTrainableParams: 53_120 });
    expect(s.layers[0]).toEqual({ name: 'input', type: 'InputLayer', outputShape: [64, 64, 3], params: 0, inputs: [] });
    expect(s.layers.find((l) => l.name === 'res2a_add')).toEqual({ name: 'res2a_add', type: 'Add', outputShape: [15, 15, 256], params: 0, inputs: ['bn2a_branch2c', 'bn2a_branch1'] });
    expect(s.layers.at(-1)).toEqual({ name: 'fc6', type: 'Dense', outputShape: [6], params: 12_294, inputs: ['flatten'] });
  });

  it('imagenet: pool1_pad and a 7x7 avg_pool', async () => {
    const s = await summaryJson('--preset=imagenet');
    expect(s).toMatchObject({ preset: 'imagenet', inputShape: [224, 224, 3], classes: 1000, totalParams: 25_636_712 });
    expect(s.layers.find((l) => l.name === 'pool1_pad')?.outputShape).toEqual([114, 114, 64]);
    expect(s.layers.find((l) => l.name === 'avg_pool')).toMatchObject({ outputShape: [1, 1, 2048], inputs: ['res5c_relu'] });
    expect(s.layers).toHaveLength(178);
  });

  it('signs with the literal stage-5 filters', async () => {
    expect((await summaryJson('--seed-literal')).totalParams).toBe(17_958_790);
  });

  it('prints a Keras-style table without --json', async () => {
    const r = await runCli(['summary', '--preset', 'signs']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('res2a_branch2a (Conv2D)');
    // Output shapes as Keras writes them, the batch axis first: a vector is (None, 6), not (6).
    expect(r.stdout).toMatch(/res2a_branch2a \(Conv2D\) +\(None, 15, 15, 64\) +4,160/);
    expect(r.stdout).toMatch(/fc6 \(Dense\) +\(None, 6\) +12,294/);
    expect(r.stdout).toMatch(/Total params: 23,600,006\nTrainable params: 23,546,886\nNon-trainable params: 53,120/);
  });
});

describe('cli errors', () => {
  it.each([
    [['summary', '--preset', 'cifar'], 'summary: unknown preset "cifar": use one of signs, imagenet'],
    [['summary', '--presets', 'signs'], 'summary: unknown option "--presets": valid options are --preset, --seed-literal, --json, --model, --labels, --preprocess, --input-size'],
    [['summary', '--preset'], 'summary: option --preset needs a value'],
    [['summary', 'extra.png'], 'summary: takes no file arguments (got "extra.png"); a model file goes after --model'],
    [['classify', '--top', '0', 'a.png'], 'classify: --top must be a whole number from 1 to 1000 (got "0")'],
    [['classify'], 'classify: needs at least one image file'],
    [['inspect', 'a.png'], 'inspect: needs --layer NAME (e.g. --layer res2a_branch2a)'],
  ])('%j', async (argv, message) => {
    const r = await runCli(argv);
    expect(r).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it.each([
    // Keras' automatic names for the layers the assignment leaves unnamed, counted in build order.
    [['--layer', 'activation_4'], 'the 5th Activation layer it builds, which here is most likely res2b_branch2a_relu'],
    [['--layer', 'add_1', '--preset', 'signs'], 'the 2nd Add layer it builds, which here is most likely res2b_add'],
    [['--layer', 'zero_padding2d_1'], 'the 2nd ZeroPadding2D layer it builds, which here is most likely pool1_pad'],
  ])('inspect %j names the layer an automatic Keras name most likely means', async (argv, meant) => {
    const r = await runCli(['inspect', 'public/samples/chelsea.png', ...argv]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`inspect: unknown layer "${argv[1]}": Keras gives that name to ${meant}`);
  });

  it('inspect --preset signs runs the assignment model, and a missing output folder is said in words', async () => {
    const ok = await runCli(['inspect', 'public/samples/chelsea.png', '--preset', 'signs', '--layer', 'res2a_branch2a', '--json']);
    expect(ok.stderr).toBe('');
    expect((JSON.parse(ok.stdout) as { shape: number[] }).shape).toEqual([15, 15, 64]);
    const r = await runCli(['inspect', 'public/samples/chelsea.png', '--preset', 'signs', '--layer', 'conv1', '--npy', 'no-such-folder/x.npy']);
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: 'inspect: cannot write no-such-folder/x.npy: the folder no-such-folder does not exist (create it first)' });
  });

  it('--help and -h, for the program and for every command: exit 0, its usage and examples that use only its options', async () => {
    for (const flag of ['--help', '-h']) {
      const program = await runCli([flag]);
      expect(program).toMatchObject({ code: 0, stderr: '' });
      expect(program.stdout).toMatch(/^usage: npm run -s cli -- <command>[^]*\nexamples:\n {4}npm run -s cli -- classify /);
    }
    for (const name of Object.keys(EXAMPLES)) {
      for (const flag of ['--help', '-h']) {
        const r = await runCli([name, flag]);
        expect(r, `${name} ${flag}`).toMatchObject({ code: 0, stderr: '' });
        const [usage, examples = ''] = r.stdout.split('\nexamples:\n');
        expect(usage).toMatch(new RegExp(`^usage: npm run -s cli -- ${name} \\[options\\]\n {2}${name} `));
        const shown = examples.split('\n').map((line) => line.replace(/^ {4}npm run -s cli -- /, ''));
        expect(shown).toEqual(EXAMPLES[name]);
        for (const option of shown.join(' ').match(/--[a-z-]+/g) ?? []) expect(usage, `${name}: ${option}`).toMatch(new RegExp(`${option}(?![a-z-])`));
      }
    }
  });

  // The list grows with the commands: each one the usage text documents must be offered.
  it.each([
    [['sumary'], /^unknown command "sumary": use one of (.+)$/],
    [[], /^missing command: use one of (.+) \(or help\)$/],
  ])('%j names every command', async (argv, pattern) => {
    const r = await runCli(argv);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    const offered = pattern.exec(r.stderr)?.[1].split(', ') ?? [];
    const documented = [...new Set([...(await runCli(['help'])).stdout.matchAll(/^ {2}([a-z-]+) /gm)].map((m) => m[1]))];
    expect(documented).toEqual(expect.arrayContaining(['summary', 'classify', 'inspect', 'receptive-field', 'attribute']));
    expect(offered.sort()).toEqual(documented.sort());
  });
});

describe('cli as a process', () => {
  const exec = promisify(execFile);
  it('writes one JSON document on stdout and exits 0', async () => {
    const { stdout } = await exec('npx', ['tsx', 'src/cli/main.ts', 'summary', '--preset', 'signs', '--json']);
    expect(JSON.parse(stdout).totalParams).toBe(23_600_006);
  });
  it('classify --json writes nothing but the JSON document on stdout', async () => {
    const { stdout } = await exec('npx', ['tsx', 'src/cli/main.ts', 'classify', 'public/samples/coffee.png', '--json']);
    const out = JSON.parse(stdout) as { results: { top: { label: string }[] }[] };
    expect(out.results[0].top[0].label).toBe('espresso');
  });
  it('exits non-zero with a one-line message on stderr for bad input', async () => {
    const err = await exec('npx', ['tsx', 'src/cli/main.ts', 'summary', '--preset', 'nope']).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 2, stdout: '', stderr: 'summary: unknown preset "nope": use one of signs, imagenet\n' });
  });
});

describe('cli classify and inspect (real weights, WASM)', () => {
  it('classify --json: Egyptian cat and espresso first, and the cat again from a lossless WebP', async () => {
    const webp = path.join(mkdtempSync(path.join(os.tmpdir(), 'cli-webp-')), 'chelsea.webp');
    writeFileSync(webp, await webpOf(await decodeImageFile('public/samples/chelsea.png'), { lossless: 1 }));
    const r = await runCli(['classify', 'public/samples/chelsea.png', 'public/samples/coffee.png', webp, '--json', '--top', '3']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { results: { file: string; top: { index: number; label: string; probability: number }[] }[]; backend: string; ms: number };
    expect(out.backend).toBe('wasm');
    expect(out.ms).toBeGreaterThan(0);
    expect(out.results.map((x) => [x.file, x.top[0].label])).toEqual([
      ['public/samples/chelsea.png', 'Egyptian cat'],
      ['public/samples/coffee.png', 'espresso'],
      [webp, 'Egyptian cat'],
    ]);
    expect(out.results[0].top).toHaveLength(3);
    expect(out.results[0].top[0].index).toBe(285);
    // The same pixels, so the same probabilities.
    expect(out.results[2].top).toEqual(out.results[0].top);
  });

  it('a file that is not an image gets one line on stderr; the others are still classified', async () => {
    const r = await runCli(['classify', 'README.md', 'public/samples/coffee.png', 'no-such-file.png', '--json']);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^README\.md: .*not an image/);
    expect(lines[1]).toBe('Cannot open no-such-file.png: there is no such file.');
    const out = JSON.parse(r.stdout) as { results: { file: string; top: { label: string }[] }[] };
    expect(out.results.map((x) => x.top[0].label)).toEqual(['espresso']);
  });

  it('every kind of bad file: one line each on stderr, a non-zero exit, and the good file still classified', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-bad-'));
    const write = (name: string, bytes: Uint8Array | string) => {
      writeFileSync(path.join(dir, name), bytes);
      return path.join(dir, name);
    };
    const jpg = buildJpeg(64, 48, (x, y) => [x * 4, y * 5, 99, 255]);
    const png = buildPng({ width: 40, height: 40, bitDepth: 8, colorType: 2, rows: Array.from({ length: 40 }, (_, y) => new Array(120).fill(y)) });
    const bad: [string, Uint8Array | string, RegExp][] = [
      ['empty.png', new Uint8Array(), /empty\.png: The file is empty \(0 bytes\)\.$/],
      ['notes.png', 'Lecture notes\n', /notes\.png: This file is not an image \(it looks like text\)/],
      ['slides.jpg', '%PDF-1.4\n%%EOF\n', /slides\.jpg: This file is not an image \(it looks like a PDF document\)/],
      ['page.jpg', '<!doctype html><html><body></body></html>', /page\.jpg: This is a web page \(HTML\), not an image/],
      ['cut.jpg', jpg.subarray(0, Math.floor(jpg.length * 0.6)), /^Could not decode cut\.jpg: its JPEG image data is cut short or damaged\.$/],
      ['cut.png', png.subarray(0, Math.floor(png.length * 0.6)), /^Could not decode cut\.png: its PNG image data is cut short or damaged\.$/],
      ['bomb.png', pngHeaderOnly(40000, 40000), /bomb\.png: This image is 40000 x 40000 pixels .* limit of 50 megapixels/],
      ['drawing.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', /drawing\.svg: SVG images are not accepted/],
      ['scan.tif', Uint8Array.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 0, 0]), /scan\.tif: This format \(TIFF\) is not supported here; use PNG, JPEG, WebP or GIF\.$/],
      ['photo.heic', Uint8Array.from([0, 0, 0, 20, ...Buffer.from('ftypheic'), 0, 0, 0, 0, ...Buffer.from('mif1')]), /photo\.heic: This format \(HEIC\) is not supported here/],
    ];
    const files = bad.map(([name, bytes]) => write(name, bytes));
    const r = await runCli(['classify', ...files, 'public/samples/coffee.png', '--json']);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines).toHaveLength(bad.length);
    bad.forEach(([, , says], i) => expect(lines[i]).toMatch(says));
    const out = JSON.parse(r.stdout) as { results: { file: string; top: { label: string }[] }[] };
    expect(out.results.map((x) => [x.file, x.top[0].label])).toEqual([['public/samples/coffee.png', 'espresso']]);
    await rm(dir, { recursive: true });
  });

  it('inspect --json gives the layer statistics and --npy writes the tensor', async () => {
    const npy = path.join(os.tmpdir(), `inspect-${process.pid}.npy`);
    const r = await runCli(['inspect', 'public/samples/chelsea.png', '--layer', 'res2a_branch2a', '--json', '--npy', npy]);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { file: string; layer: string; shape: number[]; min: number; max: number; mean: number; std: number; zeroFraction: number; histogram: { edges: number[]; counts: number[] } };
    expect(Object.keys(out)).toEqual(['file', 'layer', 'shape', 'min', 'max', 'mean', 'std', 'zeroFraction', 'histogram']);
    expect(out.shape).toEqual([56, 56, 64]);
    expect(out.histogram.counts.reduce((a, b) => a + b, 0)).toBe(56 * 56 * 64);
    expect(out.histogram.edges).toHaveLength(33);
    const bytes = await readFile(npy);
    expect(bytes.subarray(1, 6).toString('latin1')).toBe('NUMPY');
    const headerLength = bytes.readUInt16LE(8);
    expect(bytes.subarray(10, 10 + headerLength).toString('latin1')).toContain("'shape': (56, 56, 64)");
    expect((10 + headerLength) % 64).toBe(0);
    expect(bytes.length).toBe(10 + headerLength + 56 * 56 * 64 * 4);
    // The body, little-endian float32 in C order, is exactly what the library reads back.
    const body = new Float32Array(bytes.buffer.slice(bytes.byteOffset + 10 + headerLength, bytes.byteOffset + bytes.length));
    const engine = await startEngine();
    try {
      const { resultId } = await runImageFile(engine, 'public/samples/chelsea.png', 1);
      const expected = await engine.client.layer(resultId, 'res2a_branch2a');
      expect(Array.from(body)).toEqual(Array.from(expected.values));
      // The input layer is inspectable too: the image as the network reads it, caffe-style
      // (BGR, the ImageNet means subtracted: every value within [-123.68, 151.061]).
      const input = await engine.client.layer(resultId, 'input');
      expect(input.shape).toEqual([224, 224, 3]);
      expect(input.stats.min).toBeGreaterThanOrEqual(-123.68 - 1e-3);
      expect(input.stats.max).toBeLessThanOrEqual(151.061 + 1e-3);
      expect(input.stats.max - input.stats.min).toBeGreaterThan(100);
    } finally {
      engine.dispose();
    }
    expect(body.reduce((a, b) => Math.min(a, b), Infinity)).toBeCloseTo(out.min, 5);
    await rm(npy);
  });

  it('an unknown layer suggests the nearest names', async () => {
    const r = await runCli(['inspect', 'public/samples/chelsea.png', '--layer', 'res2a_branch2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('inspect: unknown layer "res2a_branch2": did you mean res2a_branch1, res2a_branch2a, res2a_branch2b?');
  });
});
