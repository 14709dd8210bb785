import { describe, expect, it } from 'vitest';
import { assignmentCode, planSummary, presetConfig } from '../../model/pure';
import { layerForLine, litLines } from './code-links';

const config = presetConfig('imagenet');
const code = assignmentCode(config);
const { layers } = planSummary(config);
const info = (name: string) => {
  const layer = layers.find((l) => l.name === name);
  if (!layer) throw new Error(`no layer ${name}`);
  return layer.info;
};
const texts = (lines: number[]) => lines.map((i) => code.lines[i].text.trim());
const lineOf = (fragment: string, after = 0) => code.lines.findIndex((l, i) => i >= after && l.text.includes(fragment));
const start = (fn: string) => code.functions.find((f) => f.name === fn)?.line ?? -1;

describe('the assignment code and the layers, linked both ways', () => {
  it('lights a block layer in its block function and the call that made its block', () => {
    expect(texts(litLines(code, info('res3b_branch2b')))).toEqual([
      "X = Conv2D(filters=F2, kernel_size=(f, f), strides=(1, 1), padding='same', name=conv_name_base + '2b', kernel_initializer=glorot_uniform(seed=0))(X)",
      "X = identity_block(X, f=3, filters=[128, 128, 512], stage=3, block='b')",
    ]);
    // The same part of a convolutional block lights the other function's line.
    const lit = litLines(code, info('res3a_branch2b'));
    expect(lit[0]).toBeGreaterThan(start('convolutional_block'));
    expect(lit[0]).toBeLessThan(start('ResNet50'));
    expect(texts(lit)[1]).toBe("X = convolutional_block(X, f=3, filters=[128, 128, 512], stage=3, block='a', s=2)");
  });

  it('lights the shortcut, the add and the ReLUs by their place, not their text', () => {
    expect(texts(litLines(code, info('bn4a_branch1')))).toEqual([
      "X_shortcut = BatchNormalization(axis=3, name=bn_name_base + '1')(X_shortcut)",
      "X = convolutional_block(X, f=3, filters=[256, 256, 1024], stage=4, block='a', s=2)",
    ]);
    expect(texts(litLines(code, info('res2c_add')))[0]).toBe('X = Add()([X, X_shortcut])');
    const branchRelu = litLines(code, info('res2c_branch2a_relu'))[0];
    const blockRelu = litLines(code, info('res2c_relu'))[0];
    expect(branchRelu).toBeLessThan(blockRelu);
    expect(code.lines[blockRelu - 1].text).toContain('Add()');
  });

  it('lights the stem and head layers on their own lines', () => {
    expect(texts(litLines(code, info('pool1_pad')))).toEqual(['X = ZeroPadding2D((1, 1))(X)']);
    expect(texts(litLines(code, info('fc1000')))[0]).toMatch(/^X = Dense\(classes/);
    expect(litLines(code, info('input'))).toEqual([]);
    expect(litLines(code, null)).toEqual([]);
  });

  it('opens the layer of a clicked line, in the block that is open when the types match', () => {
    const conv2b = lineOf("name=conv_name_base + '2b'", start('identity_block'));
    expect(layerForLine(code, conv2b, info('res4e_add'), layers)).toBe('res4e_branch2b');
    // An open convolutional block (or none) sends an identity line to the first identity block.
    expect(layerForLine(code, conv2b, info('res4a_add'), layers)).toBe('res2b_branch2b');
    expect(layerForLine(code, conv2b, null, layers)).toBe('res2b_branch2b');
    const shortcut = lineOf("name=conv_name_base + '1'");
    expect(layerForLine(code, shortcut, info('res5a_branch2c'), layers)).toBe('res5a_branch1');
    expect(layerForLine(code, lineOf("block='d'"), null, layers)).toBe('res3d_branch2a');
    expect(layerForLine(code, lineOf("name='bn_conv1'"), null, layers)).toBe('bn_conv1');
    expect(layerForLine(code, 0, null, layers)).toBeNull();
  });

  it('round-trips: every linked line opens a layer that lights that line', () => {
    code.lines.forEach((line, i) => {
      if (!line.link) return;
      const opened = layerForLine(code, i, info('res4c_relu'), layers);
      expect(opened, line.text).not.toBeNull();
      expect(litLines(code, info(opened ?? '')), line.text).toContain(i);
    });
  });
});
