/**
 * A layer's lesson (model/layer-teaching.ts: its settings and the terms of its parameter
 * count, as data) in words, in the page's language: the inspector's settings list and the
 * one sentence the graph's nodes and the embed's caption say. English by default, for tests
 * and for code that runs before the page has a language.
 */
import { formatShape, type LayerLesson, type LayerSettings, type ParamsArithmetic } from '../../model/pure';
import { english, type Translate } from '../i18n/i18n';

export interface LessonWords {
  /** Each setting as a term and its value, e.g. ['Kernel', '3×3']. */
  readonly settings: readonly (readonly [string, string])[];
  /** `(56, 56, 64) → (56, 56, 256)`; the output alone for the input layer. */
  readonly shapes: string;
  /** How the parameter count is made, e.g. `1·1·64·256 + 256 = 16,640`; null for a layer without weights. */
  readonly formula: string | null;
  /** What the formula's terms are, e.g. "kernel height · width · input channels · filters, plus one bias per filter". */
  readonly why: string | null;
}

const side = (n: number) => `${n}×${n}`;

function settingsWords(settings: LayerSettings, t: Translate): [string, string][] {
  switch (settings.kind) {
    case 'input':
      return [[t('lesson.image'), formatShape(settings.shape)]];
    case 'zero-padding':
      return [[t('lesson.padding'), t('lesson.zeros', { n: settings.padding })]];
    case 'conv':
      // 'valid' and 'same' are Keras' own words for the padding (padding='same'): kept as they are.
      return [
        [t('lesson.filters'), String(settings.filters)],
        [t('lesson.kernel'), side(settings.kernel)],
        [t('lesson.stride'), String(settings.stride)],
        [t('lesson.padding'), settings.padding],
      ];
    case 'batch-norm':
      return [[t('lesson.normalises'), t('lesson.eachChannel', { axis: String(settings.axis) })]];
    case 'relu':
      return [[t('lesson.function'), 'max(0, x)']];
    case 'max-pool':
    case 'avg-pool':
      return [
        [t('lesson.window'), side(settings.poolSize)],
        [t('lesson.stride'), String(settings.stride)],
        [t('lesson.takes'), t(settings.kind === 'max-pool' ? 'lesson.largest' : 'lesson.mean')],
      ];
    case 'add':
      return [[t('lesson.adds'), t('lesson.addsWhat')]];
    case 'flatten':
      return [[t('lesson.reshapes'), t('lesson.reshapesWhat')]];
    case 'dense':
      return [
        [t('lesson.units'), String(settings.units)],
        [t('lesson.activation'), settings.activation],
      ];
  }
}

/** The arithmetic as written on a blackboard: the terms as plain digits, the total grouped. */
function formulaWords(p: ParamsArithmetic, t: Translate): string {
  const total = t.count(p.total);
  switch (p.kind) {
    case 'conv':
      return `${p.kernel}·${p.kernel}·${p.channels}·${p.filters} + ${p.filters} = ${total}`;
    case 'dense':
      return `${p.inputs}·${p.units} + ${p.units} = ${total}`;
    case 'batch-norm':
      return t('lesson.bnFormula', { channels: String(p.channels), total, trainable: t.count(p.trainable) });
  }
}

function shapesWords(lesson: LayerLesson): string {
  const out = formatShape(lesson.outputShape);
  return lesson.inputShapes.length > 0 ? `${lesson.inputShapes.map(formatShape).join(' + ')} → ${out}` : out;
}

export function lessonWords(lesson: LayerLesson, t: Translate = english): LessonWords {
  const { params } = lesson;
  return {
    settings: settingsWords(lesson.settings, t),
    shapes: shapesWords(lesson),
    formula: params ? formulaWords(params, t) : null,
    why: params ? t(`lesson.why.${params.kind}`) : null,
  };
}

/** Everything in one sentence, for an accessible description: "filters 64, kernel 1×1, …; (56, 56, 64) → (56, 56, 64); parameters 1·1·64·64 + 64 = 4,160." */
export function lessonSentence(lesson: LayerLesson, t: Translate = english): string {
  const words = lessonWords(lesson, t);
  const settings = words.settings.map(([term, value]) => `${term.toLowerCase()} ${value}`).join(t('sep.comma'));
  const params = words.formula ? t('lesson.withParams', { formula: words.formula }) : t('lesson.noParams');
  return t('lesson.sentence', { settings, shapes: words.shapes, params });
}

/** Every lesson's sentence by layer name, for the graph's node descriptions. */
export function lessonSentences(lessons: ReadonlyMap<string, LayerLesson>, t: Translate = english): ReadonlyMap<string, string> {
  return new Map([...lessons.values()].map((l) => [l.name, lessonSentence(l, t)]));
}
