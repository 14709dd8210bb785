import { describe, expect, it } from 'vitest';
import { WeightsError, type WeightsErrorKind } from './errors';
import { checkManifest, checkShards } from './manifest';
import { makeSynthetic, pinsOf, textBuffer } from '../../test-support/synthetic-weights';

function expectWeightsError(run: () => unknown, kind: WeightsErrorKind, file: string): WeightsError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WeightsError);
    const weightsError = error as WeightsError;
    expect({ kind: weightsError.kind, file: weightsError.file }).toEqual({ kind, file });
    expect(weightsError.message).toContain('npm run weights');
    return weightsError;
  }
  throw new Error(`expected a ${kind} WeightsError`);
}

async function rejection(promise: Promise<unknown>): Promise<WeightsError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(WeightsError);
  expect((error as WeightsError).message).toContain('npm run weights');
  return error as WeightsError;
}

function withWeight(patch: Record<string, unknown>) {
  return {
    weightsManifest: [{ paths: ['a.bin'], weights: [{ name: 'w', shape: [2], dtype: 'float32', ...patch }] }],
  };
}

describe('checkManifest', () => {
  it('accepts a good manifest and counts its bytes', async () => {
    const { modelJson } = await makeSynthetic();
    const manifest = checkManifest(modelJson);
    expect(manifest.specs).toHaveLength(6);
    expect(manifest.totalBytes).toBe(84);
    expect(manifest.variant).toBe('float32');
  });

  it('counts float16-quantized tensors at two bytes per value', () => {
    const manifest = checkManifest(withWeight({ shape: [5, 3], quantization: { dtype: 'float16' } }));
    expect(manifest.totalBytes).toBe(30);
    expect(manifest.variant).toBe('float16');
  });

  it('rejects an unknown dtype', () => {
    const error = expectWeightsError(() => checkManifest(withWeight({ dtype: 'float64' })), 'unknown-dtype', 'model.json');
    expect(error.message).toMatch(/tensor w has the unknown dtype "float64"/);
  });

  it('rejects an unknown quantization dtype', () => {
    expectWeightsError(() => checkManifest(withWeight({ quantization: { dtype: 'int4' } })), 'unknown-dtype', 'model.json');
  });

  it.each([[[2.5]], [[-1, 3]], ['2'], [[Number.NaN]]])('rejects the shape %j', (shape) => {
    const error = expectWeightsError(() => checkManifest(withWeight({ shape })), 'bad-shape', 'model.json');
    expect(error.tensor).toBe('w');
  });

  it('rejects a missing manifest and shard names that are not plain file names', () => {
    expectWeightsError(() => checkManifest({ modelTopology: {} }), 'bad-manifest', 'model.json');
    const escaping = { weightsManifest: [{ paths: ['../secret.bin'], weights: [] }] };
    expectWeightsError(() => checkManifest(escaping), 'bad-manifest', 'model.json');
  });
});

describe('checkShards', () => {
  it('passes good shards and checks their hashes', async () => {
    const { modelJson, shards, pins } = await makeSynthetic();
    await expect(checkShards(checkManifest(modelJson), shards, pins)).resolves.toEqual({ hashesChecked: true });
  });

  it('names a truncated shard', async () => {
    const { modelJson, shards, pins } = await makeSynthetic();
    const cut = [shards[0].slice(0, 40), shards[1]];
    const error = await rejection(checkShards(checkManifest(modelJson), cut, pins));
    expect({ kind: error.kind, file: error.file }).toEqual({ kind: 'truncated', file: 'group1-shard1of2.bin' });
    expect(error.message).toMatch(/truncated: its group holds 60 bytes, model.json describes 84/);
  });

  it('names a truncated last shard', async () => {
    const { modelJson, shards, pins } = await makeSynthetic();
    const error = await rejection(checkShards(checkManifest(modelJson), [shards[0], shards[1].slice(0, 4)], pins));
    expect({ kind: error.kind, file: error.file }).toEqual({ kind: 'truncated', file: 'group1-shard2of2.bin' });
  });

  it('reports shards holding more bytes than the manifest describes', async () => {
    const { modelJson, shards, pins } = await makeSynthetic();
    const longer = new Uint8Array(shards[1].byteLength + 8);
    longer.set(new Uint8Array(shards[1]));
    const error = await rejection(checkShards(checkManifest(modelJson), [shards[0], longer.buffer], pins));
    expect(error.kind).toBe('size-mismatch');
    expect(error.message).toMatch(/8 more than the 84/);
  });

  it('says plainly when a shard is an HTML page', async () => {
    const { modelJson, shards, pins } = await makeSynthetic();
    const page = textBuffer('<!doctype html>\n<html><head><title>Explorer</title></head><body></body></html>');
    const error = await rejection(checkShards(checkManifest(modelJson), [shards[0], page], pins));
    expect({ kind: error.kind, file: error.file }).toEqual({ kind: 'not-binary', file: 'group1-shard2of2.bin' });
    expect(error.message).toMatch(/web page or text, not binary weights/);
    expect(error.message).not.toMatch(/multiple of 4/);
  });

  it('reports a shard whose SHA-256 differs from its pin', async () => {
    const { modelJson, shards, pins } = await makeSynthetic();
    const changed = shards[1].slice(0);
    new Uint8Array(changed)[0] ^= 1;
    const error = await rejection(checkShards(checkManifest(modelJson), [shards[0], changed], pins));
    expect({ kind: error.kind, file: error.file }).toEqual({ kind: 'hash-mismatch', file: 'group1-shard2of2.bin' });
  });

  it('reports a shard without a pin, and a missing shard', async () => {
    const { modelJson, shards } = await makeSynthetic();
    const manifest = checkManifest(modelJson);
    const partialPins = await pinsOf(['group1-shard1of2.bin'], shards);
    expect((await rejection(checkShards(manifest, shards, partialPins))).kind).toBe('hash-mismatch');
    const missing = await rejection(checkShards(manifest, [shards[0]], partialPins));
    expect({ kind: missing.kind, file: missing.file }).toEqual({ kind: 'missing-file', file: 'group1-shard2of2.bin' });
  });
});
