import { describe, expect, it } from 'vitest';
import { runCli } from './run';

interface FieldsJson {
  layers: { name: string; size: number; jump: number; padding: number }[];
}

async function fieldsJson(...args: string[]): Promise<FieldsJson> {
  const r = await runCli(['receptive-field', ...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as FieldsJson;
}

describe('cli receptive-field --json', () => {
  it('one layer: exactly {layers: [{name, size, jump, padding}]}', async () => {
    // The Keras layout's last block (issue 11): 483 / 32 / 241.
    expect(await fieldsJson('res5c_relu', '--preset', 'imagenet')).toEqual({
      layers: [{ name: 'res5c_relu', size: 483, jump: 32, padding: 241 }],
    });
  });

  it('every layer of the preset in build order, signs by default', async () => {
    const { layers } = await fieldsJson();
    // signs: no pool1_pad, so pool1 keeps conv1's padding of 3 (and the 64-pixel input).
    expect(layers.map((l) => l.name)).not.toContain('pool1_pad');
    expect(layers[0]).toEqual({ name: 'input', size: 1, jump: 1, padding: 0 });
    expect(layers.find((l) => l.name === 'pool1')).toEqual({ name: 'pool1', size: 11, jump: 4, padding: 3 });
    expect(layers.at(-1)?.name).toBe('fc6');
    const imagenet = await fieldsJson('--preset=imagenet');
    expect(imagenet.layers).toHaveLength(178);
    expect(imagenet.layers).toHaveLength(layers.length + 1);
    expect(imagenet.layers.find((l) => l.name === 'pool1')).toEqual({ name: 'pool1', size: 11, jump: 4, padding: 5 });
  });
});

describe('cli receptive-field table', () => {
  it('prints one row a layer with the map, size, jump, padding and an add\'s paths', async () => {
    const r = await runCli(['receptive-field', '--preset', 'imagenet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Layer +Map +Size +Jump +Padding +Paths into an add$/m);
    expect(r.stdout).toMatch(/^res4f_relu +14x14 +291 +16 +145$/m);
    expect(r.stdout).toMatch(/^res3a_add +28x28 +51 +8 +25 +bn3a_branch2c 51\/8\/25, bn3a_branch1 35\/8\/17$/m);
    expect(r.stdout).toMatch(/^fc1000 +- +675 +224 +241$/m);
  });

  it('answers --help and is listed in the usage', async () => {
    const help = await runCli(['receptive-field', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run -s cli -- receptive-field /);
    expect(help.stdout).toMatch(/^ {2}receptive-field \[LAYER\] \[--preset signs\|imagenet\] \[--json\]/m);
    expect((await runCli(['help'])).stdout).toMatch(/^ {2}receptive-field \[LAYER\] \[--preset signs\|imagenet\] \[--json\] +\S/m);
  });
});

describe('cli receptive-field bad input', () => {
  it('an unknown layer: exit 1 and the nearest names', async () => {
    const r = await runCli(['receptive-field', 'res5c_rel', '--json']);
    expect(r).toEqual({
      code: 1, stdout: '', stderr: 'receptive-field: unknown layer "res5c_rel": did you mean res5c_relu, res2c_relu, res3c_relu?',
    });
  });

  it.each([
    [['--preset', 'cifar'], 'receptive-field: unknown preset "cifar": use one of signs, imagenet'],
    [['--layer', 'conv1'], 'receptive-field: unknown option "--layer": valid options are --preset, --json, --help'],
    [['conv1', 'pool1'], 'receptive-field: takes at most one layer name (got "conv1", "pool1")'],
  ])('%j', async (argv, message) => {
    expect(await runCli(['receptive-field', ...argv])).toEqual({ code: 2, stdout: '', stderr: message });
  });
});
