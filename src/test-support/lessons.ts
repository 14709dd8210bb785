/** The presets' layer lessons, for tests of the facts (model/) and of their words (ui/). */
import { layerLessons, type LayerLesson } from '../model/layer-teaching';
import { presetConfig } from '../model/presets';

export const imagenetLessons = layerLessons(presetConfig('imagenet'));
export const signsLessons = layerLessons(presetConfig('signs'));

/** One layer's lesson; a name the preset lacks fails the test. */
export function lesson(name: string, lessons: ReadonlyMap<string, LayerLesson> = imagenetLessons): LayerLesson {
  const found = lessons.get(name);
  if (!found) throw new Error(`no lesson for ${name}`);
  return found;
}
