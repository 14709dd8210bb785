import { describe, expect, it } from 'vitest';
import { presetConfig } from '../model/pure';
import { receptiveField, receptiveFields, samePaddingBefore, unitCentre, unitRegion } from './receptive-field';

const imagenet = presetConfig('imagenet');
const signs = presetConfig('signs');

function triple(config: typeof imagenet, name: string): [number, number, number] {
  const f = receptiveField(config, name);
  return [f.size, f.jump, f.padding];
}

describe('receptive fields, Keras layout (imagenet: pool1_pad, 224 input, stride in each "a" block\'s first 1x1)', () => {
  // The published facts (issue 11), as size / jump / padding at each layer's output.
  it.each([
    ['conv1', [7, 2, 3]],
    ['pool1', [11, 4, 5]],
    ['res2c_relu', [35, 4, 17]],
    ['res3d_relu', [99, 8, 49]],
    ['res4f_relu', [291, 16, 145]],
    ['res5c_relu', [483, 32, 241]],
  ] as const)('%s is %j', (name, expected) => {
    expect(triple(imagenet, name)).toEqual(expected);
  });

  it('a unit of res5c at column i is centred on input pixel 32 i', () => {
    const f = receptiveField(imagenet, 'res5c_relu');
    expect([f.rows, f.cols]).toEqual([7, 7]);
    for (let i = 0; i < 7; i++) expect(unitCentre(f, i)).toBe(32 * i);
  });

  it('elementwise layers keep their input\'s field', () => {
    expect(triple(imagenet, 'bn_conv1')).toEqual([7, 2, 3]);
    expect(triple(imagenet, 'conv1_relu')).toEqual([7, 2, 3]);
    expect(triple(imagenet, 'res2c_add')).toEqual([35, 4, 17]);
  });

  it('the 1x1 stride-2 conv starting stage 3 jumps but neither grows nor pads', () => {
    // Input res2c_relu is 35/4/17; a 1x1 window adds (1 - 1) * 4, "valid" pads nothing.
    expect(triple(imagenet, 'res3a_branch2a')).toEqual([35, 8, 17]);
    // Then the 3x3 "same" conv (pad 1) at jump 8: 35 + 2 * 8, 17 + 1 * 8.
    expect(triple(imagenet, 'res3a_branch2b')).toEqual([51, 8, 25]);
  });

  it('an add reports every path; the main path decides and the shortcut shares its centre', () => {
    const add = receptiveField(imagenet, 'res3a_add');
    expect(add.paths?.map((p) => p.from)).toEqual(['bn3a_branch2c', 'bn3a_branch1']);
    const [main, shortcut] = add.paths ?? [];
    expect([add.size, add.jump, add.padding]).toEqual([main.size, main.jump, main.padding]);
    expect([shortcut.size, shortcut.jump, shortcut.padding]).toEqual([35, 8, 17]);
    for (const i of [0, 5, 27]) expect(unitCentre(shortcut, i)).toBe(unitCentre(main, i));
    // Identity block: the shortcut is the block's input.
    expect(receptiveField(imagenet, 'res4b_add').paths?.[1]).toMatchObject({ from: 'res4a_relu', ...fieldOnly(receptiveField(imagenet, 'res4a_relu')) });
  });

  it('every layer of the plan has a field, input first, head last', () => {
    const fields = receptiveFields(imagenet);
    expect(fields).toHaveLength(178);
    expect(fields[0]).toMatchObject({ name: 'input', size: 1, jump: 1, padding: 0, rows: 224, spatial: true });
    // avg_pool 7x7/7 over res5c's 7x7 map: 483 + 6 * 32 = 675; dense sees the same.
    expect(fields.at(-1)).toMatchObject({ name: 'fc1000', size: 675, spatial: false, rows: 1, cols: 1 });
    expect(fields.filter((f) => f.kind === 'add')).toHaveLength(16);
    expect(fields.filter((f) => f.paths)).toHaveLength(16);
  });
});

function fieldOnly(f: { size: number; jump: number; padding: number }) {
  return { size: f.size, jump: f.jump, padding: f.padding };
}

describe('receptive fields, SIGNS (64 input, no pool1_pad)', () => {
  // By hand: conv1_pad pads 3 at jump 1 -> padding 3; conv1 7x7/2 -> 7/2/3 (32x32 map).
  // pool1 3x3/2, no pool1_pad: 7 + 2 * 2 = 11, jump 4, padding stays 3 (15x15 map).
  // Each stage-2 block: only the 3x3 "same" conv (pad 1) grows it: +2 * 4 size, +1 * 4
  // padding -> res2c 11 + 24 = 35, 3 + 12 = 15. Stage 3 (jump 8, 4 blocks): 35 + 64 = 99,
  // 15 + 32 = 47. Stage 4 (jump 16, 6 blocks): 99 + 192 = 291, 47 + 96 = 143. Stage 5
  // (jump 32, 3 blocks): 291 + 192 = 483, 143 + 96 = 239 (2x2 map). avg_pool 2x2/2:
  // 483 + 32 = 515, jump 64. Two fewer padding pixels than imagenet from pool1 on.
  it.each([
    ['conv1', [7, 2, 3]],
    ['pool1', [11, 4, 3]],
    ['res2c_relu', [35, 4, 15]],
    ['res3d_relu', [99, 8, 47]],
    ['res4f_relu', [291, 16, 143]],
    ['res5c_relu', [483, 32, 239]],
    ['avg_pool', [515, 64, 239]],
    ['fc6', [515, 64, 239]],
  ] as const)('%s is %j', (name, expected) => {
    expect(triple(signs, name)).toEqual(expected);
  });

  it('has no pool1_pad, and res5c units sit 2 pixels right of 32 i: 32 i - 239 + 241', () => {
    expect(receptiveFields(signs).some((f) => f.name === 'pool1_pad')).toBe(false);
    const f = receptiveField(signs, 'res5c_relu');
    expect([f.rows, f.cols]).toEqual([2, 2]);
    expect([unitCentre(f, 0), unitCentre(f, 1)]).toEqual([2, 34]);
  });
});

describe('Keras "same" padding', () => {
  it.each([
    // 3x3 stride 1: (3 - 1) / 2 on any side.
    [56, 3, 1, 1],
    [7, 3, 1, 1],
    // 1x1 stride 2 (where Keras ResNet50 puts the stride): nothing.
    [56, 1, 2, 0],
    // 7x7 stride 2 on 224: 5 in all, 2 before and 3 after (TensorFlow puts the odd one last).
    [224, 7, 2, 2],
    // 3x3 stride 2 on an even side: 1 in all, all of it after.
    [56, 3, 2, 0],
    // ... and on an odd side: 2 in all, 1 before.
    [57, 3, 2, 1],
  ])('n=%i k=%i s=%i pads %i before', (n, k, s, before) => {
    expect(samePaddingBefore(n, k, s)).toBe(before);
  });
});

describe('unitRegion: inclusive bounds, clipped to the image', () => {
  const res5c = receptiveField(imagenet, 'res5c_relu');

  it('a centre unit covers 483 pixels around 32 i, clipped at both edges of 224', () => {
    // Unit 3: [96 - 241, 96 - 241 + 482] = [-145, 337] -> clipped to [0, 223].
    expect(unitRegion(res5c, 3, 3, 224)).toEqual({ x0: 0, y0: 0, x1: 223, y1: 223, size: 483, width: 224, height: 224 });
  });

  it('an early unit is clipped only where it leaves the image', () => {
    const conv1 = receptiveField(imagenet, 'conv1');
    // Row 0: [-3, 3] -> [0, 3]; column 10: [17, 23].
    expect(unitRegion(conv1, 0, 10, 224)).toEqual({ x0: 17, y0: 0, x1: 23, y1: 3, size: 7, width: 7, height: 4 });
    // The last unit (111): [219, 225] -> [219, 223].
    expect(unitRegion(conv1, 111, 111, [224, 224])).toMatchObject({ x0: 219, x1: 223, width: 5 });
  });

  it('rows and columns follow the height and width of a non-square image', () => {
    const pool1 = receptiveField(imagenet, 'pool1');
    // Row 2: [8 - 5, 8 - 5 + 10] = [3, 13]; column 1: [-1, 9] -> [0, 9]. Column 20 of a
    // 30-wide image: [75, 85], past its last pixel (29), so nothing is left.
    expect(unitRegion(pool1, 2, 1, [224, 30])).toMatchObject({ y0: 3, y1: 13, x0: 0, x1: 9 });
    expect(() => unitRegion(pool1, 2, 20, [224, 30])).toThrow(/sees only padding/);
  });

  it.each([
    [7, 0], [0, 7], [-1, 0], [0, 1.5],
  ])('unit (%d, %d) is outside res5c\'s 7x7 map', (row, col) => {
    expect(() => unitRegion(res5c, row, col, 224)).toThrow(
      `unit (${row}, ${col}) is outside res5c_relu's 7x7 map: use a row from 0 to 6 and a column from 0 to 6`,
    );
  });
});

describe('receptiveField: unknown layer', () => {
  it('names the nearest layers', () => {
    expect(() => receptiveField(imagenet, 'res5c_rel')).toThrow('unknown layer "res5c_rel": did you mean res5c_relu');
    expect(() => receptiveField(signs, 'pool1_pad')).toThrow(/^unknown layer "pool1_pad": did you mean .*\bpool1\b/);
  });
});
