// `evaluate` and its labels: parsing (CSV, JSON, names with spaces and underscores, indices,
// unknown labels, synset ids) and a run on the real ImageNet model over a temp folder of the
// sample images under labelled names (chelsea is an Egyptian cat, coffee an espresso).
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evenlySpread } from './image-set';
import { classFromName, classOf, labelImages } from './labels-file';
import { formatProgress } from './progress';
import { runCli } from './run';

const dir = mkdtempSync(path.join(os.tmpdir(), 'evaluate-'));
const put = (name: string, sample: 'chelsea' | 'coffee') => copyFileSync(`public/samples/${sample}.png`, path.join(dir, name));
put('Egyptian_cat_1.png', 'chelsea');
put('espresso 1.png', 'coffee');
put('Egyptian_cat_2.png', 'coffee');
put('n07920052_1.png', 'coffee');
put('holiday.png', 'coffee');
writeFileSync(path.join(dir, 'espresso_broken.png'), 'not a picture');
const empty = path.join(dir, 'empty');
mkdirSync(empty);

const CLASSES = ['tiger', 'tiger cat', 'Egyptian cat', 'espresso', 'class_5'];

describe('labels', () => {
  it('from file names: underscores and spaces alike, any case, the longest class name that fits', () => {
    expect(classFromName('a/Tiger_cat_01.png', CLASSES)).toBe(1);
    expect(classFromName('tiger-3.jpg', CLASSES)).toBe(0);
    expect(classFromName('egyptian cat.png', CLASSES)).toBe(2);
    expect(classFromName('tigers.png', CLASSES)).toBeNull();
    expect(classFromName('class 5 x.png', CLASSES)).toBe(4);
  });

  it('as a class name or an index; out of range or unknown is null', () => {
    expect(classOf('Egyptian_cat', CLASSES)).toBe(2);
    expect(classOf('3', CLASSES)).toBe(3);
    expect(classOf('5', CLASSES)).toBeNull();
    expect(classOf('lynx', CLASSES)).toBeNull();
  });

  it('from CSV (header skipped) and JSON; unknown labels, missing files and synset ids are reported', async () => {
    const csv = path.join(dir, 'labels.csv');
    writeFileSync(csv, 'file,label\nx.png,tiger_cat\n"y.png",2\nz.png,lynx\n');
    const files = ['d/x.png', 'd/y.png', 'd/z.png', 'd/w.png'];
    const fromCsv = await labelImages(files, CLASSES, csv);
    expect([...fromCsv.labels]).toEqual([['d/x.png', 1], ['d/y.png', 2]]);
    expect(fromCsv.problems).toEqual(['d/z.png: unknown label "lynx"', `d/w.png: not in ${csv}`]);
    const json = path.join(dir, 'labels.json');
    writeFileSync(json, JSON.stringify({ 'x.png': 'espresso', 'y.png': 0 }));
    expect([...(await labelImages(files.slice(0, 2), CLASSES, json)).labels]).toEqual([['d/x.png', 3], ['d/y.png', 0]]);
    const byName = await labelImages(['n01440764_7.png', 'Tiger_cat.png'], CLASSES);
    expect([...byName.labels]).toEqual([['Tiger_cat.png', 1]]);
    expect(byName.problems[0]).toBe('n01440764_7.png: a synset id names an ImageNet class, and this model has 5 classes: use --labels');
    await expect(labelImages(['q.png'], CLASSES, json)).rejects.toThrow(`${json} names none of the 1 images`);
  });

  it('from synset ids, at the start of a file name or in a labels file, for a model of the 1000 ImageNet classes', async () => {
    const thousand = Array.from({ length: 1000 }, (_, i) => `class ${i}`);
    expect(classFromName('val/n01440764_18.JPEG', thousand)).toBe(0);
    expect(classFromName('N02124075-cat.png', thousand)).toBe(285);
    expect(classOf('n07920052', thousand)).toBe(967);
    expect(classOf('n07920052', CLASSES)).toBeNull();
    const json = path.join(dir, 'synsets.json');
    writeFileSync(json, JSON.stringify({ 'a.png': 'n02124075', 'b.png': 'n99999999' }));
    const given = await labelImages(['a.png', 'b.png'], thousand, json);
    expect([...given.labels]).toEqual([['a.png', 285]]);
    expect(given.problems).toEqual(['b.png: unknown label "n99999999"']);
    const named = await labelImages(['n99999999_1.png', 'n15075141_3.png'], thousand);
    expect([...named.labels]).toEqual([['n15075141_3.png', 999]]);
    expect(named.problems).toEqual(['n99999999_1.png: n99999999 is not one of the 1000 ImageNet classes']);
  });

  it('an evenly spread sample, and progress with count, rate and time left', () => {
    expect(evenlySpread([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).toEqual([1, 5, 8]);
    expect(evenlySpread([1, 2], 5)).toEqual([1, 2]);
    expect(formatProgress(10, 40, 5, 'images')).toBe('10/40 images, 2.00 images/s, 15 s left');
  });
});

describe('cli evaluate', () => {
  it('--json on ImageNet: top-1 and top-5 of the labelled images; unreadable and unlabelled files counted and named', async () => {
    const r = await runCli(['evaluate', dir, '--json', '--quiet']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    // n07920052 is espresso's synset id.
    expect(out).toEqual({
      images: 4, top1: 3 / 4, top5: 3 / 4, unlabelled: 1, failed: 1,
      perClass: { 'Egyptian cat': { images: 2, top1: 0.5, top5: 0.5 }, espresso: { images: 2, top1: 1, top5: 1 } },
    });
    expect(r.stderr).toContain('holiday.png: no label');
    expect(r.stderr).toMatch(/espresso_broken\.png/);
  });

  it.each([
    [['--lesion', 'res2a,res6b'], /^evaluate: unknown block "res6b": the blocks are res2a, .*, res5c$/],
    [['--limit', '3'], /^evaluate: unknown option "--limit"/],
  ])('bad option %j: one line, exit 2, nothing on stdout', async (extra, message) => {
    const r = await runCli(['evaluate', dir, '--json', ...extra]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('--threads 2: the images run on two engines in their own threads, with the same result as one', async () => {
    const labels = path.join(dir, 'signs.csv');
    writeFileSync(labels, ['Egyptian_cat_1.png,0', 'espresso 1.png,1', 'Egyptian_cat_2.png,2', 'n07920052_1.png,3', 'holiday.png,4', 'espresso_broken.png,5'].join('\n'));
    const argv = ['evaluate', dir, '--labels', labels, '--preset', 'signs', '--json', '--quiet'];
    const [one, two] = [await runCli(argv), await runCli([...argv, '--threads', '2'])];
    expect(two.code).toBe(0);
    expect(JSON.parse(two.stdout)).toMatchObject({ images: 5, failed: 1 });
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    const bad = await runCli([...argv, '--threads', '0']);
    expect(bad).toEqual({ code: 2, stdout: '', stderr: 'evaluate: --threads must be a whole number of at least 1 (got "0")' });
  });

  it('--batch 4: the images run four to a forward pass (an unreadable one left out of its batch), with the same result as one at a time', async () => {
    const labels = path.join(dir, 'signs-batch.csv');
    writeFileSync(labels, ['Egyptian_cat_1.png,0', 'espresso 1.png,1', 'Egyptian_cat_2.png,2', 'n07920052_1.png,3', 'holiday.png,4', 'espresso_broken.png,5'].join('\n'));
    const argv = ['evaluate', dir, '--labels', labels, '--preset', 'signs', '--lesion', 'res3a', '--json', '--quiet'];
    const [one, four] = [await runCli(argv), await runCli([...argv, '--batch', '4'])];
    expect(four.code).toBe(0);
    expect(JSON.parse(four.stdout)).toMatchObject({ images: 5, failed: 1 });
    expect(four.stdout).toBe(one.stdout);
    expect(four.stderr).toBe(one.stderr);
    for (const [value, says] of [['0', 'a whole number of at least 1 (got "0")'], ['65', 'at most 64 (got 65)']]) {
      const bad = await runCli([...argv, '--batch', value]);
      expect(bad).toMatchObject({ code: 2, stdout: '' });
      expect(bad.stderr).toContain(`evaluate: --batch must be ${says}`);
    }
  });

  it('an empty folder and labels that match no file: one line, exit 2, nothing on stdout', async () => {
    const none = await runCli(['evaluate', empty, '--json']);
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toMatch(/^evaluate: no images in .*empty/);
    const labels = path.join(dir, 'other.json');
    writeFileSync(labels, JSON.stringify({ 'elsewhere.png': 'class 1' }));
    const unmatched = await runCli(['evaluate', dir, '--labels', labels, '--preset', 'signs', '--json', '--quiet']);
    expect(unmatched).toEqual({ code: 2, stdout: '', stderr: `evaluate: ${labels} names none of the 6 images` });
  });
});
