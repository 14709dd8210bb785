/**
 * `embed=inspector&layer=NAME`: one layer's inspector in a frame, with the drop zone (file,
 * drop, paste, the two samples) to give it an image. It runs the model (weights included:
 * the activations are the point), and shows the image's top class in one line. Without a
 * layer it opens conv1; an unknown one is said, and conv1 shown.
 */
import { useCallback, useEffect, useMemo } from 'react';
import { receptiveFields } from '../explain/receptive-field';
import { layerLessons, planSummary, presetConfig } from '../model/pure';
import { DropZone } from '../ui/input/DropZone';
import { LoadProgress } from '../ui/input/LoadProgress';
import type { NamedBlob } from '../ui/view-data';
import { useT } from '../ui/i18n/I18n';
import { EmbedFrame } from './EmbedFrame';
import { InspectorPanel } from './InspectorPanel';
import type { CompareState } from './use-compare';
import { useClassifier } from './use-classifier';
import { useEngine } from './use-engine';
import { liveResult, readLayerSoon, useNetworkView } from './use-layer-data';
import { useModel } from './use-model';
import { useUrlField, type UrlStore } from './url-state';
import { samples } from './samples';
import type { SetNotice } from './use-read-error';
import { said, type Said } from '../ui/i18n/i18n';

const FIRST_LAYER = 'conv1';
const noop = (): void => undefined;
/** Comparing two images is the full explorer's: nothing is pinned here. */
const NO_COMPARE: CompareState = { a: null, b: null, comparison: null, loading: false, error: null, canPin: false, pin: noop, unpin: noop };

interface Props {
  readonly urlStore: UrlStore;
  readonly notice: Said | null;
  readonly onNotice: SetNotice;
}

export function EmbeddedInspector({ urlStore, notice, onNotice }: Props) {
  const t = useT();
  const preset = useUrlField(urlStore, 'preset');
  const seedLiteral = useUrlField(urlStore, 'seedLiteral');
  const layer = useUrlField(urlStore, 'layer');
  const channel = useUrlField(urlStore, 'channel');
  const engine = useEngine(useUrlField(urlStore, 'backend'), onNotice);
  const client = engine.active ? engine.client : null;
  const { handle, load } = useModel(client, preset, seedLiteral, engine.epoch);
  const canClassify = handle?.model.canClassify ?? false;
  const classifier = useClassifier(canClassify ? handle : null);
  const result = liveResult(handle, classifier.result);
  const networkView = useNetworkView(result);

  const config = useMemo(() => presetConfig(preset, { seedLiteral }), [preset, seedLiteral]);
  const summary = useMemo(() => planSummary(config), [config]);
  const lessons = useMemo(() => layerLessons(config), [config]);
  const fields = useMemo(() => new Map(receptiveFields(config).map((f) => [f.name, f])), [config]);
  const info = summary.layers.find((l) => l.name === layer) ?? null;
  useEffect(() => {
    if (info) return;
    if (layer !== null) onNotice((n) => n ?? said('embed.noLayer', { layer, fallback: FIRST_LAYER }));
    urlStore.update({ layer: FIRST_LAYER, channel: null });
  }, [info, layer, onNotice, urlStore]);
  const channels = info?.outputShape.length === 3 ? info.outputShape[2] : 0;
  useEffect(() => {
    if (!info || channel === null || channel < channels) return;
    onNotice((n) => n ?? said('views.noChannel', { name: info.name, channel: String(channel + 1), channels: String(channels) }));
    urlStore.update({ channel: null });
  }, [info, channel, channels, onNotice, urlStore]);

  const { submit } = classifier;
  const onFiles = useCallback((files: NamedBlob[]) => {
    onNotice(null);
    submit(files);
  }, [submit, onNotice]);
  const select = useCallback((name: string) => {
    readLayerSoon(result, name);
    urlStore.update({ layer: name, channel: null });
  }, [result, urlStore]);
  const onChannel = useCallback((c: number | null) => urlStore.update({ channel: c }), [urlStore]);
  const shownSamples = useMemo(() => samples(t), [t]);
  const view = networkView.view;
  const input = useMemo(() => (view ? { width: view.size, height: view.size, data: view.data } : null), [view]);
  const onError = useCallback((message: Said) => onNotice(message), [onNotice]);

  const error = engine.fatal ?? (load.phase === 'failed' ? load.message : null) ?? notice ?? classifier.error ?? networkView.error;
  const top = result?.predictions[0];
  return (
    <EmbedFrame mode="inspector" title={t('embed.inspector', { layer: info?.name ?? FIRST_LAYER })} urlStore={urlStore} error={error}>
      <div className="embed-input">
        <LoadProgress load={load} />
        <DropZone samples={shownSamples} onFiles={onFiles} onError={onError} disabled={!canClassify} />
        {result && top && (
          <p className="embed-top">{t('embed.top', { name: result.name, label: top.label, percent: t.percent(top.probability, 1) })}</p>
        )}
      </div>
      <div className="embed-inspector">
        {info && (
          <InspectorPanel
            result={result}
            model={handle}
            layer={info}
            layers={summary.layers}
            channel={channel}
            onChannel={onChannel}
            onSelect={select}
            onNotice={onNotice}
            field={fields.get(info.name) ?? null}
            lesson={lessons.get(info.name) ?? null}
            block={null}
            input={input}
            compare={NO_COMPARE}
            back={null}
          />
        )}
      </div>
    </EmbedFrame>
  );
}
