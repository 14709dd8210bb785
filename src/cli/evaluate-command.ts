/**
 * `evaluate DIR|FILES... [--labels FILE] [--lesion BLOCK,...] --json`: top-1 and top-5
 * accuracy on labelled images, intact or with residual blocks switched off. `images` counts
 * the labelled images that ran (the denominator); unlabelled and unreadable files are
 * counted, and named on stderr, and never stop the run.
 */
import { readableLabel } from '../inspect/labels';
import { flag, parseArgs, stringOption, type OptionSpec } from './args';
import type { CommandOutput } from './classify-command';
import { forEachBatchOn, startEngines } from './engine-pool';
import { listImages } from './image-set';
import { labelImages } from './labels-file';
import { modelOptions, modelSource } from './model-option';
import { BATCH_OPTION, batchOption, EXPERIMENT_OPTIONS, lesionOption, presetOption, THREADS_OPTION, threadsOption } from './lesion-options';
import { progress } from './progress';
import { addToScore, emptyScore, predictMany, rates, type Score } from './scoring';

export const EVALUATE_USAGE =
  '  evaluate DIR|FILES... [--labels FILE] [--lesion BLOCK[,BLOCK...]] [--threads N] [--batch N] [--preset P] [--quiet] [--json]   top-1/top-5 accuracy\n' +
  '            [--model FILE [--class-names FILE] [--preprocess x255|caffe|torch] [--input-size N]] (--labels: the images\' labels)';

const OPTIONS: readonly OptionSpec[] = [...EXPERIMENT_OPTIONS, THREADS_OPTION, BATCH_OPTION, ...modelOptions('class-names'), { name: 'labels', takesValue: true }, { name: 'lesion', takesValue: true }];

function percent(x: number | null): string {
  return x === null ? '-' : `${(100 * x).toFixed(1)}%`;
}

export async function runEvaluate(argv: readonly string[]): Promise<CommandOutput> {
  if (argv.includes('--help')) return { stdout: `usage: npm run -s cli -- evaluate ...\n${EVALUATE_USAGE}`, errors: [] };
  const args = parseArgs(argv, OPTIONS);
  const lesion = lesionOption(args);
  const batch = batchOption(args);
  const files = await listImages(args.positionals, 'evaluate');
  const engines = await startEngines(modelSource(args, presetOption(args), 'class-names'), threadsOption(args));
  const [engine] = engines;
  try {
    const labelsFile = args.options.has('labels') ? stringOption(args, 'labels', '') : undefined;
    const { labels, problems } = await labelImages(files, engine.model.labels, labelsFile);
    const total = emptyScore();
    const perClass = new Map<number, Score>();
    const bar = progress('evaluate', labels.size, 'images', flag(args, 'quiet'));
    const failed = await forEachBatchOn(engines, [...labels.keys()], batch, async (on, batchFiles, images) => {
      const tops = await predictMany(on, images, 5, lesion);
      batchFiles.forEach((file, i) => {
        const label = labels.get(file) as number;
        addToScore(total, tops[i], label);
        if (!perClass.has(label)) perClass.set(label, emptyScore());
        addToScore(perClass.get(label) as Score, tops[i], label);
      });
    }, () => bar.tick());
    bar.done();
    const classes = [...perClass.entries()].sort(([a], [b]) => a - b)
      .map(([index, s]) => [readableLabel(engine.model.labels[index]), { images: s.images, ...rates(s) }] as const);
    const out = {
      images: total.images, ...rates(total), unlabelled: files.length - labels.size, failed: failed.length,
      ...(classes.length > 0 ? { perClass: Object.fromEntries(classes) } : {}),
    };
    const { top1, top5 } = rates(total);
    const text = `${total.images} images${lesion.length ? ` with ${lesion.join(', ')} off` : ''}: top-1 ${percent(top1)}, top-5 ${percent(top5)}` +
      ` (${out.unlabelled} unlabelled, ${failed.length} failed)`;
    return { stdout: flag(args, 'json') ? JSON.stringify(out) : text, errors: [], warnings: [...problems, ...failed] };
  } finally {
    for (const e of engines) e.dispose();
  }
}
