import { describe, expect, it } from 'vitest';
import { isModelFileName, sortDrop } from './model-files';

const f = (name: string) => ({ name, blob: new Blob([name]) });
const names = (files: readonly { name: string }[]) => files.map((x) => x.name);

describe('sorting a drop into model, labels and images', () => {
  it('takes Keras files and a tfjs model.json with its shards to the model path', () => {
    for (const name of ['ResNet50.h5', 'model.keras', 'best.weights.h5', 'old.hdf5', 'model.json', 'group1-shard1of2.bin']) {
      expect(isModelFileName(name)).toBe(true);
    }
    for (const name of ['cat.png', 'labels.json', 'photo.JPG', 'notes.txt']) expect(isModelFileName(name)).toBe(false);
    const tfjs = sortDrop([f('group1-shard2of2.bin'), f('model.json'), f('group1-shard1of2.bin')]);
    expect(names(tfjs.model)).toEqual(['model.json', 'group1-shard2of2.bin', 'group1-shard1of2.bin']);
    expect([tfjs.labels, tfjs.images]).toEqual([null, []]);
  });

  it('reads a JSON or text file beside a model as its labels; a second .json beside model.json too', () => {
    const keras = sortDrop([f('labels.txt'), f('ResNet50.h5'), f('cat.png')]);
    expect([names(keras.model), keras.labels?.name, names(keras.images)]).toEqual([['ResNet50.h5'], 'labels.txt', ['cat.png']]);
    const tfjs = sortDrop([f('classes.json'), f('model.json'), f('w.bin')]);
    expect([names(tfjs.model), tfjs.labels?.name]).toEqual([['model.json', 'w.bin'], 'classes.json']);
    // A tfjs topology under another name is the model when its shards come with it.
    expect(names(sortDrop([f('my_model.json'), f('w.bin')]).model)).toEqual(['my_model.json', 'w.bin']);
  });

  it('leaves a drop without a model to the classifier, a stray .json included', () => {
    const drop = sortDrop([f('a.png'), f('labels.json')]);
    expect([drop.model, drop.labels, names(drop.images)]).toEqual([[], null, ['a.png', 'labels.json']]);
  });
});
