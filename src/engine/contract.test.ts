/**
 * The model client's contract, run against both implementations: the engine called
 * directly, and the same engine behind the message protocol (a WorkerClient talking over
 * a MessagePort in this thread, and over a real second thread, with structured cloning
 * and transfers). The SIGNS preset is enough
 * for every property here; ImageNet numbers are checked elsewhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAbortError } from '../client/errors';
import type { Classified, ModelClient, OpenedModel } from '../client/types';
import { fixture } from '../test-support/keras-files';
import { card, IMPLEMENTATIONS, SIGNS } from '../test-support/contract-clients';

describe.each(IMPLEMENTATIONS)('ModelClient contract: $name', ({ make, transfers }) => {
  let client: ModelClient;
  let model: OpenedModel;
  let baseline: number;
  const phases: string[] = [];

  beforeAll(async () => {
    client = make();
    const report = await client.start({ requested: null, renderer: null, webgl: false });
    expect(report.name).toBe('wasm');
    baseline = (await client.memory()).numTensors;
    model = await client.open(SIGNS, { onProgress: (p) => phases.push(p.phase) });
  });
  afterAll(() => client.dispose());

  it('opens a preset with its summary, as plain data, and reports progress', () => {
    expect(model.summary.totalParams).toBe(23_600_006);
    expect(model.summary.layers.find((l) => l.name === 'res2a_branch2a')?.outputShape).toEqual([15, 15, 64]);
    expect(model).toMatchObject({ canClassify: true, failure: null, trained: false, inputSize: 64 });
    expect(model.labels).toEqual(['class 0', 'class 1', 'class 2', 'class 3', 'class 4', 'class 5']);
    expect(phases).toContain('building');
  });

  it('classifies pixels: top-K sorted, a result id, and the pixels handed back intact', async () => {
    const image = card();
    const copy = image.pixels.slice();
    const run = await client.classify(model.modelId, image, { topK: 3 });
    expect(run.predictions).toHaveLength(3);
    const p = run.predictions.map((x) => x.probability);
    expect([...p].sort((a, b) => b - a)).toEqual(p);
    expect(run.predictions[0].label).toMatch(/^class [0-5]$/);
    expect(run.image.pixels).toEqual(copy);
    expect(image.pixels.byteLength).toBe(transfers ? 0 : copy.byteLength);
  });

  it('reads any layer of a result: statistics, every value, both branches of an add', async () => {
    const run = await client.classify(model.modelId, card());
    const add = await client.layer(run.resultId, 'res2a_add');
    expect(add.shape).toEqual([15, 15, 256]);
    expect(add.values).toBeInstanceOf(Float32Array);
    expect(add.values).toHaveLength(15 * 15 * 256);
    expect(add.stats.channelMeans).toHaveLength(256);
    expect(add.branches?.main.name).toBe('bn2a_branch2c');
    expect(add.branches?.shortcut.name).toBe('bn2a_branch1');
    const relu = await client.layer(run.resultId, 'conv1_relu');
    expect(relu.stats.min).toBeGreaterThanOrEqual(0);
    expect(relu.branches).toBeNull();
  });

  it('gives per-layer scalars, a CAM at the input size and the network view', async () => {
    const run = await client.classify(model.modelId, card());
    const scalars = await client.layerScalars(run.resultId, 'zeroFraction');
    expect(Object.keys(scalars)).toHaveLength(model.summary.layers.length - 1);
    expect(scalars.res2a_relu).toBeGreaterThan(0);
    expect(scalars.res2a_relu).toBeLessThan(1);
    const cam = await client.cam(run.resultId, run.predictions[0].index);
    expect(cam.shape).toEqual([64, 64]);
    const view = await client.networkView(run.resultId);
    expect(view.size).toBe(64);
    expect(Array.from(view.data.slice(0, 4))).toEqual(Array.from(card().pixels.slice(0, 4)));
  });

  it('names what is wrong: an unknown layer, a released result, a closed model', async () => {
    const first = await client.classify(model.modelId, card(1));
    await expect(client.layer(first.resultId, 'res9z_add')).rejects.toThrow(/no layer named “res9z_add”/);
    await client.release(first.resultId);
    await expect(client.layer(first.resultId, 'pool1')).rejects.toThrow(/activations are gone/);
    await expect(client.classify(999, card())).rejects.toThrow(/model was closed/);
  });

  it('holds each result until released, a few per model at most, and reads a layer again and again', async () => {
    const runs: Classified[] = [];
    for (let i = 1; i <= 4; i++) runs.push(await client.classify(model.modelId, card(i)));
    // The oldest of four went; the three newest are still readable, each its own image.
    await expect(client.layer(runs[0].resultId, 'pool1')).rejects.toThrow(/activations are gone/);
    const [a, b] = [await client.layer(runs[2].resultId, 'pool1'), await client.layer(runs[3].resultId, 'pool1')];
    expect(a.stats.mean).not.toBe(b.stats.mean);
    const again = await client.layer(runs[3].resultId, 'pool1');
    expect(again.values).toEqual(b.values);
    expect(again.values).toHaveLength(15 * 15 * 64);
    for (const run of runs) await client.release(run.resultId);
  });

  it('drops an aborted pass: before it starts, and while it runs (finished, then discarded)', async () => {
    const early = new AbortController();
    early.abort();
    await expect(client.classify(model.modelId, card(), { signal: early.signal })).rejects.toSatisfy(isAbortError);
    const shown = await client.classify(model.modelId, card(5));
    const late = new AbortController();
    const running = client.classify(model.modelId, card(3), { signal: late.signal });
    late.abort();
    await expect(running).rejects.toSatisfy(isAbortError);
    // The image on show keeps its activations: the abandoned pass never replaced them.
    await expect(client.layer(shown.resultId, 'pool1')).resolves.toMatchObject({ shape: [15, 15, 64] });
    const next = await client.classify(model.modelId, card(4));
    await expect(client.layer(next.resultId, 'pool1')).resolves.toMatchObject({ shape: [15, 15, 64] });
    await Promise.all([client.release(shown.resultId), client.release(next.resultId)]);
  });

  it('attributes a held image: Grad-CAM, integrated gradients with progress, a unit\'s field; typed arrays out', async () => {
    const run = await client.classify(model.modelId, card(2));
    // The first gradient makes the model's backward kernels (kept until the model closes).
    await client.attribute(run.resultId, { method: 'saliency' });
    const before = (await client.memory()).numTensors;
    const cam = await client.attribute(run.resultId, { method: 'gradcam' });
    expect(cam).toMatchObject({ method: 'gradcam', layer: 'res5c_relu', classIndex: run.predictions[0].index, shape: [2, 2] });
    expect(cam.values).toBeInstanceOf(Float32Array);
    expect(cam.inputMap?.values).toHaveLength(64 * 64);
    const seen: number[] = [];
    const ig = await client.attribute(run.resultId, { method: 'ig', classIndex: 3, steps: 8 }, { onProgress: (p) => seen.push(p.done) });
    expect(ig).toMatchObject({ method: 'ig', layer: 'input', classIndex: 3, label: 'class 3', shape: [64, 64] });
    expect(ig.completenessGap).toBeGreaterThanOrEqual(0);
    expect(seen.at(-1)).toBe(8);
    const unit = await client.unitField(run.resultId, { layer: 'res2a_relu', row: 7, col: 7 });
    expect(unit.values).toHaveLength(64 * 64);
    expect(unit.mass50).toBeLessThanOrEqual(unit.mass90);
    expect(unit.theoretical.size).toBeGreaterThan(unit.mass90);
    expect((await client.memory()).numTensors).toBe(before);
    await client.release(run.resultId);
  });

  it('refuses bad attribution requests with one message naming the choices, then keeps working', async () => {
    const run = await client.classify(model.modelId, card(3));
    const before = (await client.memory()).numTensors;
    const { resultId } = run;
    await expect(client.attribute(resultId, { method: 'lime' as never })).rejects.toThrow('unknown method "lime": use one of gradcam, saliency, smoothgrad, ig');
    await expect(client.attribute(resultId, { method: 'gradcam', layer: 'res9z' })).rejects.toThrow(/unknown layer "res9z": did you mean/);
    await expect(client.attribute(resultId, { method: 'gradcam', layer: 'flatten' })).rejects.toThrow(/needs a layer with a spatial output .*"flatten" outputs \[2048\]/);
    await expect(client.attribute(resultId, { method: 'gradcam', classIndex: 6 })).rejects.toThrow('class 6 is out of range: use an integer from 0 to 5');
    await expect(client.attribute(resultId, { method: 'ig', steps: 4 })).rejects.toThrow('steps must be an integer from 8 to 256 (got 4)');
    await expect(client.unitField(resultId, { layer: 'res5c_relu', row: 2, col: 0 })).rejects.toThrow(/outside res5c_relu's 2x2 map: use a row from 0 to 1/);
    const early = new AbortController();
    early.abort();
    await expect(client.attribute(resultId, { method: 'smoothgrad' }, { signal: early.signal })).rejects.toSatisfy(isAbortError);
    expect((await client.memory()).numTensors).toBe(before);
    await expect(client.attribute(resultId, { method: 'saliency', label: 'class 1' })).resolves.toMatchObject({ classIndex: 1, shape: [64, 64] });
    await client.release(resultId);
  });

  it('compares two results: the same image twice is cosine 1 and relative L2 0 at every layer', async () => {
    const [a, b] = [await client.classify(model.modelId, card(2)), await client.classify(model.modelId, card(2))];
    const { layers } = await client.compare(a.resultId, b.resultId);
    expect(layers.map((l) => l.name)).toEqual(model.summary.layers.slice(1).map((l) => l.name));
    for (const l of layers) expect([l.name, l.cosine, l.relativeL2]).toEqual([l.name, expect.closeTo(1, 5), 0]);
    const other = await client.classify(model.modelId, card(3));
    const apart = await client.compare(a.resultId, other.resultId);
    expect(Math.max(...apart.layers.map((l) => l.relativeL2))).toBeGreaterThan(0.01);
    await Promise.all([a, b, other].map((r) => client.release(r.resultId)));
  });

  it('switches an identity block off: its output is its input, and only what follows it changes', async () => {
    const intact = await client.classify(model.modelId, card(4));
    const off = await client.classify(model.modelId, card(4), { lesion: ['res3b'], topK: 6 });
    expect(off.lesion).toEqual(['res3b']);
    expect(off.predictions).toHaveLength(6);
    const [output, input] = [await client.layer(off.resultId, 'res3b_relu'), await client.layer(off.resultId, 'res3a_relu')];
    expect(output.values).toEqual(input.values);
    expect((await client.layer(off.resultId, 'res3b_add')).branches).toBeNull();
    await expect(client.layer(off.resultId, 'res3b_branch2a')).rejects.toThrow(/switched off/);
    const { layers } = await client.compare(intact.resultId, off.resultId);
    const at = (name: string) => layers.find((l) => l.name === name);
    expect(at('res3b_branch2a')).toBeUndefined();
    expect(at('res3a_relu')?.relativeL2).toBe(0);
    expect(at('res3c_relu')?.relativeL2).toBeGreaterThan(0);
    expect(Object.keys(await client.layerScalars(off.resultId, 'mean'))).toHaveLength(layers.length);
    await Promise.all([intact, off].map((r) => client.release(r.resultId)));
  });

  it('switches a convolutional block off: its output is ReLU of its projection shortcut', async () => {
    const off = await client.classify(model.modelId, card(5), { lesion: ['res4a'] });
    const [add, shortcut] = [await client.layer(off.resultId, 'res4a_add'), await client.layer(off.resultId, 'bn4a_branch1')];
    expect(add.values).toEqual(shortcut.values);
    const relu = await client.layer(off.resultId, 'res4a_relu');
    expect(Array.from(relu.values)).toEqual(Array.from(shortcut.values, (v) => Math.max(v, 0)));
    expect(relu.shape).toEqual([4, 4, 1024]);
    await expect(client.cam(off.resultId, 0)).resolves.toMatchObject({ shape: [64, 64] });
    await expect(client.attribute(off.resultId, { method: 'gradcam' })).rejects.toThrow(/intact network; this image ran with res4a switched off/);
    await client.release(off.resultId);
  });

  it('switching blocks on and off 20 times leaves the tensor count where it was; bad names are one message', async () => {
    const before = (await client.memory()).numTensors;
    const blocks = ['res2a', 'res2c', 'res3a', 'res4d', 'res5a', 'res5c'];
    for (let i = 0; i < 20; i++) {
      const lesion = i % 2 === 0 ? [blocks[i % blocks.length], blocks[(i + 3) % blocks.length]] : [];
      const run = await client.classify(model.modelId, card(1), { lesion, topK: 1 });
      await client.release(run.resultId);
    }
    expect((await client.memory()).numTensors).toBe(before);
    await expect(client.classify(model.modelId, card(), { lesion: ['res2a', 'res9z'] }))
      .rejects.toThrow('unknown block "res9z": the blocks are res2a, res2b, res2c, res3a, res3b, res3c, res3d, res4a, res4b, res4c, res4d, res4e, res4f, res5a, res5b, res5c');
    expect((await client.memory()).numTensors).toBe(before);
    const run = await client.classify(model.modelId, card(), { lesion: [] });
    expect(run.predictions).toHaveLength(5);
    await client.release(run.resultId);
  });

  it('aborting an open stops it with an AbortError', async () => {
    const abort = new AbortController();
    abort.abort();
    await expect(client.open(SIGNS, { signal: abort.signal })).rejects.toSatisfy(isAbortError);
  });

  it('returns to the tensor baseline once the model is closed', async () => {
    const other = await client.open({ ...SIGNS, seedLiteral: true });
    expect(other.summary.totalParams).toBe(17_958_790);
    await client.classify(other.modelId, card());
    await client.closeModel(other.modelId);
    await client.closeModel(model.modelId);
    expect((await client.memory()).numTensors).toBe(baseline);
  });
});

describe.each(IMPLEMENTATIONS)('ModelClient contract, a person’s model file: $name', ({ make, transfers }) => {
  let client: ModelClient;
  beforeAll(async () => {
    client = make();
    await client.start({ requested: null, renderer: null, webgl: false });
  });
  afterAll(() => client.dispose());

  it('opens a .keras file under its own names, runs it, and frees every tensor when closed', async () => {
    const baseline = (await client.memory()).numTensors;
    const file = fixture('tiny-seed-names.keras');
    const phases = new Set<string>();
    const opened = await client.openFiles({ files: [file] }, { onProgress: (p) => phases.add(p.phase) });
    expect(file.bytes.byteLength === 0).toBe(transfers);
    expect(opened.origin).toMatchObject({ kind: 'file', name: 'tiny-seed-names', format: 'keras', scheme: 'seed', preprocess: 'x255', labels: 'signs', inputSizeFromFile: true, noClasses: null });
    expect([opened.canClassify, opened.inputSize, opened.labels[5]]).toEqual([true, 64, 'hand sign 5']);
    expect(opened.summary.layers.slice(0, 4).map((l) => l.name)).toEqual(['input_layer', 'zero_padding2d', 'conv1', 'bn_conv1']);
    expect(phases).toContain('decoding');
    const run = await client.classify(opened.modelId, card());
    expect(run.predictions).toHaveLength(5);
    expect((await client.layer(run.resultId, 'activation_3')).shape).toEqual([15, 15, 16]);
    await client.closeModel(opened.modelId);
    expect((await client.memory()).numTensors).toBe(baseline);
  });

  it('takes a labels file and a preprocessing, and says which it used', async () => {
    const labels = { name: 'labels.txt', bytes: new TextEncoder().encode('zero\none\ntwo\nthree\nfour\nfive\n').buffer };
    const opened = await client.openFiles({ files: [fixture('tiny-applications-names.weights.h5')], labels, preprocess: 'torch', inputSize: 64 });
    expect(opened.origin).toMatchObject({ format: 'weights-h5', scheme: 'applications', preprocess: 'torch', labels: 'file', inputSizeFromFile: false });
    expect([opened.labels[0], opened.inputSize, opened.summary.layers.at(-1)?.name]).toEqual(['zero', 64, 'predictions']);
    await client.closeModel(opened.modelId);
  });

  it('rejects a bad file with one message naming it, leaving no tensor behind', async () => {
    const baseline = (await client.memory()).numTensors;
    const page = { name: 'ResNet50.h5', bytes: new TextEncoder().encode('<!doctype html><html></html>').buffer };
    await expect(client.openFiles({ files: [page] })).rejects.toThrow(/^ResNet50\.h5: is a web page \(HTML\)/);
    const labels = { name: 'labels.json', bytes: new TextEncoder().encode('["a", "b"]').buffer };
    await expect(client.openFiles({ files: [fixture('tiny-seed-names.weights.h5')], labels })).rejects.toThrow('labels.json: names 2 classes; the model has 6.');
    expect((await client.memory()).numTensors).toBe(baseline);
  });
});
