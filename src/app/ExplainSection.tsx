/** The attribution panel over the current image, wired to the model client. */
import { memo, useMemo } from 'react';
import type { ModelSummary } from '../model/pure';
import { AttributionPanel } from '../ui/explain/AttributionPanel';
import type { RgbaImage } from '../ui/view-data';
import type { ImageResult } from './classify-queue';
import { useAttribution } from './use-attribution';
import { useReadError } from './use-read-error';
import type { SetNotice } from './use-read-error';

interface Props {
  /** The image on show, while its model is the current one. */
  readonly result: ImageResult | null;
  readonly summary: ModelSummary;
  readonly input: RgbaImage | null;
  /** Failures go to the page's alert. */
  readonly onNotice: SetNotice;
}

/** Layers Grad-CAM can use (a map with channels, not the image or its padding), and the last block's output. */
export function gradCamLayers(summary: ModelSummary): { layers: string[]; last: string | null } {
  const layers = summary.layers.filter((l) => l.outputShape.length === 3 && l.info.kind !== 'input' && l.info.kind !== 'zero-padding');
  const pool = summary.layers.find((l) => l.info.kind === 'avg-pool');
  return { layers: layers.map((l) => l.name), last: pool?.inputs[0] ?? null };
}

export const ExplainSection = memo(function ExplainSection({ result, summary, input, onNotice }: Props) {
  const run = useAttribution(result);
  const { layers, last } = useMemo(() => gradCamLayers(summary), [summary]);
  const labels = result?.handle.model.labels ?? [];
  useReadError(run.error, onNotice);
  return (
    <AttributionPanel
      predictions={result?.predictions ?? null}
      labels={labels}
      layers={layers}
      defaultLayer={last}
      input={result ? input : null}
      shown={run.shown && { attribution: run.shown.value, request: run.shown.request }}
      running={run.running}
      progress={run.progress}
      onRun={run.run}
      onCancel={run.cancel}
    />
  );
});
