/**
 * The comparison of A and B in the page: the curve along depth (a section of its own) and,
 * in the inspector, the selected layer's maps in A, in B and their difference.
 */
import { memo, useCallback, useMemo, type ReactNode } from 'react';
import type { LayerSummary, ModelSummary } from '../model/pure';
import { CompareMaps } from '../ui/compare/CompareMaps';
import { ComparePanel } from '../ui/compare/ComparePanel';
import type { DepthSection } from '../ui/compare/curve';
import { resultLabel, type CompareState } from './use-compare';
import { useLayerData } from './use-layer-data';
import type { LayerData } from '../client/types';
import { useReadError } from './use-read-error';
import type { SetNotice } from './use-read-error';

/** Where each layer sits along depth, for the curve's stage marks. */
function useSections(summary: ModelSummary): (name: string) => DepthSection {
  const byName = useMemo(() => new Map(summary.layers.map((l) => [l.name, l.info])), [summary]);
  return useCallback((name: string) => {
    const info = byName.get(name);
    if (!info || info.role === 'input' || info.role === 'stem') return 'stem';
    if (info.role === 'head' || info.stage === null) return 'head';
    return `stage ${info.stage}`;
  }, [byName]);
}

interface SectionProps {
  readonly compare: CompareState;
  readonly summary: ModelSummary;
  readonly selected: string | null;
  readonly onOpen: (name: string) => void;
  readonly onNotice: SetNotice;
}

export const CompareSection = memo(function CompareSection({ compare, summary, selected, onOpen, onNotice }: SectionProps) {
  const sectionOf = useSections(summary);
  useReadError(compare.error, onNotice);
  const { a, b } = compare;
  return (
    <ComparePanel
      aLabel={a && resultLabel(a)}
      bLabel={b && resultLabel(b)}
      canPin={compare.canPin}
      comparison={b ? compare.comparison : null}
      loading={compare.loading}
      sectionOf={sectionOf}
      selected={selected}
      onOpen={onOpen}
      onPin={compare.pin}
      onUnpin={compare.unpin}
    />
  );
});

/**
 * A's and B's maps of the selected layer, for the inspector; null unless A and B are both
 * there. B's values are the inspector's own read (B is the image on show); A's are read here.
 */
export function useCompareMaps(compare: CompareState | null, layer: LayerSummary | null, bData: LayerData | null, channel: number | null, onNotice: SectionProps['onNotice']): ReactNode {
  const a = compare?.a ?? null;
  const b = compare?.b ?? null;
  const name = a && b && layer ? layer.name : null;
  const figures = compare?.comparison?.layers.find((l) => l.name === name) ?? null;
  // Only a layer both hold: a switched-off branch has no activations in the lesioned image.
  const wanted = figures ? name : null;
  const aRead = useLayerData(wanted ? a : null, wanted);
  useReadError(aRead.error, onNotice);
  const aValues = aRead.data?.name === wanted ? aRead.data.values : null;
  const bValues = bData?.name === wanted ? bData.values : null;
  return useMemo(() => {
    if (!a || !b || !layer || !name) return null;
    return (
      <CompareMaps
        layer={name}
        shape={layer.outputShape}
        aLabel={resultLabel(a)}
        bLabel={resultLabel(b)}
        a={aValues}
        b={bValues}
        channel={layer.outputShape.length === 3 ? Math.min(channel ?? 0, layer.outputShape[2] - 1) : 0}
        figures={figures}
      />
    );
  }, [a, b, layer, name, aValues, bValues, channel, figures]);
}
