/**
 * The true class of each image: from a labels file (CSV `file,label` or JSON `{file: label}`,
 * the label a class name or index), or else from a class name at the start of the file name
 * ("Egyptian_cat_01.png", "tiger cat.jpg": underscores and spaces alike, any case; the
 * longest name that fits wins, so "tiger_cat" is not "tiger"), or an ImageNet synset id
 * starting it ("n01440764_18.JPEG", as the ImageNet folders name their files) when the model
 * has the 1000 ImageNet classes. A labels file may give synset ids too.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { IMAGENET_SYNSETS, synsetIndex } from '../model/imagenet-synsets';
import { UsageError } from './args';

export interface Labelled {
  /** Class index of each file that has one. */
  readonly labels: ReadonlyMap<string, number>;
  /** One line per file left without a label, saying why. */
  readonly problems: readonly string[];
}

const normal = (name: string) => name.toLowerCase().replace(/[_\s]+/g, ' ').trim();
const SYNSET = /^n\d{8}(?![0-9])/;

/** Synset ids name classes only for a model with the 1000 ImageNet classes. */
const hasSynsets = (classes: readonly string[]) => classes.length === IMAGENET_SYNSETS.length;

/** The class of a synset id (`n01440764`, any case); null when unknown or the model is not ImageNet's. */
function classOfSynset(id: string, classes: readonly string[]): number | null {
  return hasSynsets(classes) ? synsetIndex(id.toLowerCase()) : null;
}

/** `file,label` lines (a `file,label` header is skipped; the label is after the last comma). */
function parseCsv(text: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const at = line.lastIndexOf(',');
    if (at < 0) continue;
    const [file, label] = [line.slice(0, at), line.slice(at + 1)].map((s) => s.trim().replace(/^"(.*)"$/, '$1'));
    if (file && !(file === 'file' && label === 'label')) rows.set(file, label);
  }
  return rows;
}

export async function readLabelsFile(file: string): Promise<Map<string, string>> {
  const text = await readFile(file, 'utf8').catch((err: Error) => {
    throw new UsageError(`cannot read labels file ${file}: ${err.message}`);
  });
  if (path.extname(file).toLowerCase() !== '.json') return parseCsv(text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`labels file ${file} is not valid JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError(`labels file ${file} must hold one object {file: label}`);
  return new Map(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
}

/** A label given as a class index, a synset id or a class name (any case, underscores or spaces); null when unknown. */
export function classOf(label: string, classes: readonly string[]): number | null {
  if (SYNSET.test(label.trim().toLowerCase()) && label.trim().length === 9) return classOfSynset(label.trim(), classes);
  if (/^\d+$/.test(label.trim())) {
    const index = Number(label);
    return index < classes.length ? index : null;
  }
  const index = classes.findIndex((c) => normal(c) === normal(label));
  return index < 0 ? null : index;
}

/**
 * The class whose synset id starts the file name, or else whose name does (followed by its
 * end or a non-letter), the longest such.
 */
export function classFromName(file: string, classes: readonly string[]): number | null {
  const synset = SYNSET.exec(path.basename(file).toLowerCase());
  if (synset) return classOfSynset(synset[0], classes);
  const base = normal(path.basename(file, path.extname(file)));
  let best: number | null = null;
  classes.forEach((c, i) => {
    const name = normal(c);
    const fits = base.startsWith(name) && !/[a-z]/.test(base.charAt(name.length));
    if (fits && name.length > 0 && (best === null || name.length > normal(classes[best]).length)) best = i;
  });
  return best;
}

/** Labels for `files`, from `labelsFile` when given; a labels file that names none of them is a usage error. */
export async function labelImages(files: readonly string[], classes: readonly string[], labelsFile?: string): Promise<Labelled> {
  const given = labelsFile === undefined ? null : await readLabelsFile(labelsFile);
  const labels = new Map<string, number>();
  const problems: string[] = [];
  let named = 0;
  for (const file of files) {
    const raw = given?.get(file) ?? given?.get(path.basename(file)) ?? null;
    if (raw !== null) named++;
    else if (given) {
      problems.push(`${file}: not in ${labelsFile}`);
      continue;
    }
    const index = raw !== null ? classOf(raw, classes) : classFromName(file, classes);
    if (index !== null) labels.set(file, index);
    else if (raw !== null) problems.push(`${file}: unknown label "${raw}"`);
    else if (SYNSET.test(path.basename(file).toLowerCase())) {
      const id = path.basename(file).slice(0, 9);
      problems.push(hasSynsets(classes)
        ? `${file}: ${id} is not one of the 1000 ImageNet classes`
        : `${file}: a synset id names an ImageNet class, and this model has ${classes.length} classes: use --labels`);
    }
    else problems.push(`${file}: no label (start the file name with a class name or use --labels)`);
  }
  if (given && named === 0) throw new UsageError(`${labelsFile} names none of the ${files.length} images`);
  return { labels, problems };
}
