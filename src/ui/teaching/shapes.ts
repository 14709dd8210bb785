/**
 * The walkthrough's numbers, read from the model's summary (the same one the table and the
 * graph show) rather than worked out again here, so the prose cannot disagree with them.
 */
import {
  planSummary, shapeText, summaryConfig, type ModelSummary, type ResNetConfig, type StageIndex,
} from '../../model/pure';

export interface ModelShapes {
  /** The configuration the summary was made from (preset, padding, avg_pool window). */
  readonly config: ResNetConfig;
  readonly summary: ModelSummary;
  /** A layer's output shape without the batch dimension. */
  shape(layer: string): readonly number[];
  /** Height (= width) of a layer's output map. */
  side(layer: string): number;
  /** Channels (or features) of a layer's output: its last dimension. */
  channels(layer: string): number;
  /** "15×15×256" */
  text(layer: string): string;
  /** The layer feeding `layer` (its first input). */
  inputOf(layer: string): string;
  /** The last layer of a stage: what the stage hands on. */
  stageOutput(stage: StageIndex): string;
}

export function modelShapes(summary: ModelSummary, config: ResNetConfig = summaryConfig(summary)): ModelShapes {
  const byName = new Map(summary.layers.map((l) => [l.name, l]));
  const layer = (name: string) => {
    const found = byName.get(name);
    if (!found) throw new Error(`the summary has no layer "${name}"`);
    return found;
  };
  const shape = (name: string) => layer(name).outputShape;
  return {
    config,
    summary,
    shape,
    side: (name) => shape(name)[0],
    channels: (name) => shape(name)[shape(name).length - 1],
    text: (name) => shapeText(shape(name)),
    inputOf: (name) => {
      const [input] = layer(name).inputs;
      if (input === undefined) throw new Error(`layer "${name}" has no input`);
      return input;
    },
    stageOutput: (stage) => {
      const last = summary.layers.findLast((l) => l.info.stage === stage);
      if (!last) throw new Error(`the summary has no stage ${stage}`);
      return last.name;
    },
  };
}

/** The same model with one setting changed, for "had it been otherwise" sentences. */
export function variantShapes(shapes: ModelShapes, change: Partial<ResNetConfig>): ModelShapes {
  const config = { ...shapes.config, ...change };
  return modelShapes(planSummary(config), config);
}

/** "[64, 64, 256]" */
export function filterList(filters: readonly number[]): string {
  return `[${filters.join(', ')}]`;
}
