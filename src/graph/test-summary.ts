/**
 * Test helper: the summary of a real, freshly built model (CPU backend), with the model
 * disposed straight away, so graph tests run on the live topology rather than a fixture.
 */
import * as tf from '@tensorflow/tfjs';
import { buildResNet50 } from '../model/resnet50';
import { presetConfig, type PresetName } from '../model/presets';
import { summarize, type ModelSummary } from '../model/summary';

export async function realSummary(preset: PresetName, seedLiteral = false): Promise<ModelSummary> {
  await tf.setBackend('cpu');
  tf.enableProdMode();
  const built = buildResNet50(presetConfig(preset, { seedLiteral }));
  try {
    return summarize(built);
  } finally {
    built.model.dispose();
  }
}
