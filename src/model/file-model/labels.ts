/**
 * Class names for a person's model: from a labels file (a JSON list, a JSON object by index,
 * or one name per line), else the SIGNS meanings for the assignment's 6-class model, else
 * `class 0`, `class 1`, ...
 */
import { ModelFileError } from '../../formats/errors';
import type { NamingScheme } from './schemes';

export type LabelsSource = 'file' | 'signs' | 'index';

/** The SIGNS data set: photos of a hand showing 0 to 5 fingers. */
export const SIGNS_LABELS: readonly string[] = Array.from({ length: 6 }, (_, i) => `hand sign ${i}`);

export function indexLabels(classes: number): string[] {
  return Array.from({ length: classes }, (_, i) => `class ${i}`);
}

function fromJson(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'object' || value === null) return null;
  const byIndex = value as Record<string, unknown>;
  return Array.from({ length: Object.keys(byIndex).length }, (_, i) => byIndex[String(i)]);
}

/** Reads a labels file; the count must be the model's number of classes. */
export function parseLabels(file: string, text: string, classes: number): string[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  let labels: unknown[] | null = null;
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    try {
      labels = fromJson(JSON.parse(trimmed) as unknown);
    } catch {
      throw new ModelFileError(file, 'looks like JSON but is not valid JSON.');
    }
    if (!labels) throw new ModelFileError(file, 'is neither a JSON list of names nor an object of names by index.');
  } else {
    labels = trimmed.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  }
  const names = labels.map((l) => (typeof l === 'string' ? l : Array.isArray(l) && typeof l[l.length - 1] === 'string' ? l[l.length - 1] : null));
  if (names.some((n) => n === null || n === '')) throw new ModelFileError(file, 'has an entry that is not a class name.');
  if (names.length !== classes) {
    throw new ModelFileError(file, `names ${names.length} classes; the model has ${classes}.`);
  }
  return names as string[];
}

/** The labels a model opens with when no file is given. */
export function defaultLabels(classes: number, scheme: NamingScheme): { labels: string[]; source: LabelsSource } {
  if (classes === 6 && scheme === 'seed') return { labels: [...SIGNS_LABELS], source: 'signs' };
  return { labels: indexLabels(classes), source: 'index' };
}
