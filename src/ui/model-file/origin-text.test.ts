import { describe, expect, it } from 'vitest';
import type { ModelOrigin } from '../../client/types';
import { chinese } from '../../test-support/chinese';
import { originLine, understoodText } from './origin-text';

const origin: ModelOrigin = {
  kind: 'file', name: 'ResNet50', files: ['ResNet50.keras'], format: 'keras', kerasVersion: '3.15.1', scheme: 'seed',
  preprocess: 'x255', labels: 'signs', inputSizeFromFile: true, noClasses: null,
};

describe('describing a person’s model', () => {
  it('says where it came from, for Diagnostics', () => {
    expect(originLine(origin)).toBe('From your files: ResNet50.keras (Keras archive (.keras), Keras 3.15.1)');
    expect(originLine({ ...origin, files: ['model.json', 'a.bin'], format: 'tfjs', kerasVersion: null }))
      .toBe('From your files: model.json, a.bin (TensorFlow.js layers model (model.json))');
  });

  it('says how it was understood: names, input size (and when the file did not fix it), classes', () => {
    expect(understoodText(origin, 6, 64)).toBe('Keras archive (.keras) with the assignment’s layer names: 64×64 input, 6 classes, read as the SIGNS hand signs 0 to 5.');
    const weights = { ...origin, format: 'weights-h5', scheme: 'applications', labels: 'index', inputSizeFromFile: false } as const;
    expect(understoodText(weights, 10, 224)).toMatch(/keras\.applications layer names: 224×224 input \(the file does not say; change it below\), 10 classes, named class 0 to class 9\.$/);
    expect(understoodText({ ...origin, noClasses: 'saved without its head' }, 0, 64)).toMatch(/no classification head\.$/);
  });

  it('says both in Chinese, file names and format names as they are', () => {
    expect(originLine(origin, chinese)).toBe('来自你的文件：ResNet50.keras（Keras 归档文件（.keras），Keras 3.15.1）');
    expect(understoodText(origin, 6, 64, chinese)).toBe('Keras 归档文件（.keras），层名采用作业中的命名：输入 64×64，6 个类别，按 SIGNS 手势 0 到 5 解读。');
  });
});
