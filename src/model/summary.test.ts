// What a summary calls its model, in the page's captions, titles and saved file names.
import { describe, expect, it } from 'vitest';
import { fileStem, formatSummary, planSummary, presetConfig, summaryConfig, summaryName } from './pure';

describe('a summary names its model', () => {
  const signs = planSummary(presetConfig('signs'));
  const literal = planSummary(presetConfig('imagenet', { seedLiteral: true }));
  const file = { ...planSummary({ ...presetConfig('signs'), classes: 3 }), name: 'my model (v2)' };

  it('a preset by its preset, with the stage-5 variant in its file names', () => {
    expect([summaryName(signs), fileStem(signs), fileStem(literal)]).toEqual(['signs', 'resnet50-signs', 'resnet50-imagenet-literal']);
    expect(formatSummary(literal).split('\n')[0]).toMatch(/^Model: ResNet50 \(imagenet, stage-5 identity filters/);
  });

  it('a person’s file by its own name, never the nearest preset’s', () => {
    expect([summaryName(file), fileStem(file)]).toEqual(['my model (v2)', 'my_model_v2_']);
    expect(formatSummary(file).split('\n')[0]).toBe('Model: ResNet50 (my model (v2)), input (64, 64, 3), 3 classes');
  });

  it('the configuration: a file’s own, else the preset’s with the summary’s classes', () => {
    expect(summaryConfig(literal)).toEqual(presetConfig('imagenet', { seedLiteral: true }));
    expect(summaryConfig(file).classes).toBe(3);
    const own = { ...file, config: { ...presetConfig('signs'), classes: 3, inputShape: [96, 96, 3] as const } };
    expect(summaryConfig(own).inputShape).toEqual([96, 96, 3]);
  });
});
