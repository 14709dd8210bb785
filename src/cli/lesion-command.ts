/**
 * `lesion DIR|FILES... [--labels FILE] [--limit N] --json`: the intact network, then each
 * residual block switched off on its own (Veit et al. 2016): top-1 and top-5 (null when no
 * image is labelled) and the mean probability each lesioned network still gives the class
 * the intact network chose. 17 passes per image; `--limit N` takes an evenly spread sample.
 */
import { lesionBlocks } from '../explain/lesion-blocks';
import { presetConfig } from '../model/pure';
import { flag, parseArgs, stringOption, type OptionSpec } from './args';
import type { CommandOutput } from './classify-command';
import { forEachImageOn, startEngines } from './engine-pool';
import { countOption, evenlySpread, listImages } from './image-set';
import { labelImages } from './labels-file';
import { modelOptions, modelSource } from './model-option';
import { EXPERIMENT_OPTIONS, presetOption, THREADS_OPTION, threadsOption } from './lesion-options';
import { progress } from './progress';
import { addToScore, emptyScore, predict, rates, type Score } from './scoring';

export const LESION_USAGE =
  '  lesion DIR|FILES... [--labels FILE] [--limit N] [--threads N] [--preset P] [--quiet] [--json]   each block switched off on its own\n' +
  '            [--model FILE [--class-names FILE] [--preprocess x255|caffe|torch] [--input-size N]] (--labels: the images\' labels)';

const OPTIONS: readonly OptionSpec[] = [...EXPERIMENT_OPTIONS, THREADS_OPTION, ...modelOptions('class-names'), { name: 'labels', takesValue: true }, { name: 'limit', takesValue: true }];

interface BlockRun {
  readonly block: string;
  readonly type: string;
  readonly score: Score;
  /** Sum over images of the probability of the intact network's top class. */
  kept: number;
}

export async function runLesion(argv: readonly string[]): Promise<CommandOutput> {
  if (argv.includes('--help')) return { stdout: `usage: npm run -s cli -- lesion ...\n${LESION_USAGE}`, errors: [] };
  const args = parseArgs(argv, OPTIONS);
  const limit = countOption(args.options.get('limit'), 'limit', Infinity);
  const files = evenlySpread(await listImages(args.positionals, 'lesion'), limit);
  const engines = await startEngines(modelSource(args, presetOption(args), 'class-names'), threadsOption(args));
  try {
    const classes = engines[0].model.labels;
    const labelsFile = args.options.has('labels') ? stringOption(args, 'labels', '') : undefined;
    const { labels, problems } = await labelImages(files, classes, labelsFile);
    const intact = emptyScore();
    const blocks: BlockRun[] = lesionBlocks(presetConfig(presetOption(args))).map((b) => ({ block: b.name, type: b.type, score: emptyScore(), kept: 0 }));
    let ran = 0;
    const bar = progress('lesion', files.length, 'images', flag(args, 'quiet'));
    const failed = await forEachImageOn(engines, files, async (engine, file, image) => {
      const label = labels.get(file);
      // Every class's probability: the intact top class is looked up in each lesioned pass.
      const top = await predict(engine, image, classes.length, []);
      if (label !== undefined) addToScore(intact, top, label);
      for (const run of blocks) {
        const off = await predict(engine, image, classes.length, [run.block]);
        if (label !== undefined) addToScore(run.score, off, label);
        run.kept += off.find((p) => p.index === top[0].index)?.probability ?? 0;
      }
      ran++;
    }, () => bar.tick());
    bar.done();
    const out = {
      images: ran,
      intact: rates(intact),
      blocks: blocks.map((b) => ({ block: b.block, type: b.type, ...rates(b.score), meanProbabilityOfIntactTop1: ran ? b.kept / ran : null })),
    };
    const pct = (x: number | null) => (x === null ? '   -  ' : `${(100 * x).toFixed(1).padStart(5)}%`);
    const lines = [`${ran} images; intact: top-1 ${pct(out.intact.top1)}, top-5 ${pct(out.intact.top5)}`,
      ...out.blocks.map((b) => `  ${b.block} ${b.type.padEnd(13)} top-1 ${pct(b.top1)}  top-5 ${pct(b.top5)}  p(intact top-1) ${pct(b.meanProbabilityOfIntactTop1)}`)];
    return { stdout: flag(args, 'json') ? JSON.stringify(out) : lines.join('\n'), errors: [], warnings: [...(labels.size ? problems : []), ...failed] };
  } finally {
    for (const e of engines) e.dispose();
  }
}
