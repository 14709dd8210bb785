// A session that is only the architecture: what the page shows when the weights cannot load.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ModelSession } from './session';

beforeAll(async () => {
  tf.enableProdMode();
  await tf.setBackend('cpu');
});

describe('ModelSession.open({ architectureOnly })', () => {
  it('builds the ImageNet layers without any weights source, untrained, and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const session = await ModelSession.open({ preset: 'imagenet', seedLiteral: false, architectureOnly: true });
    expect(session.trained).toBe(false);
    expect(session.summary.totalParams).toBe(25_636_712);
    expect(session.summary.layers.find((l) => l.name === 'pool1_pad')?.outputShape).toEqual([114, 114, 64]);
    session.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('still refuses the ImageNet preset without weights when it is meant to classify', async () => {
    await expect(ModelSession.open({ preset: 'imagenet', seedLiteral: false })).rejects.toThrow(/needs a weights source/);
  });
});
