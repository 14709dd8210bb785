/** The composition root: backend, model session, image queue, URL, and the panels. */
import { useCallback, useMemo, useState } from 'react';
import { BACKENDS, isBackendName } from '../client/backend-policy';
import { planSummary, presetConfig, type PresetName } from '../model/pure';
import { Alert } from '../ui/Alert';
import { Diagnostics } from '../ui/Diagnostics';
import { PresetControls } from '../ui/PresetControls';
import { CameraButton, CameraPanel } from '../ui/input/CameraPanel';
import { InputColumn } from '../ui/input/InputColumn';
import { ExplainSection } from './ExplainSection';
import { ExplorerViews } from './ExplorerViews';
import type { ImageResult } from './classify-queue';
import { useEngine } from './use-engine';
import { useClassifier } from './use-classifier';
import { liveResult, useCam, useNetworkView } from './use-layer-data';
import { useModel } from './use-model';
import { useMemory } from './use-memory';
import { useLesion } from './use-lesion';
import { useCompare } from './use-compare';
import { useCamera } from './use-camera';
import { inputNotes } from './image-notes';
import { createUrlStore, readUrlState, urlNotice, useAddressBar, useUrlField, writeUrlState, type UrlStore } from './url-state';
import { samples } from './samples';
import { browserLang, type Lang } from '../ui/i18n/i18n';
import { I18n, useT } from '../ui/i18n/I18n';
import { LanguageSwitch } from '../ui/i18n/LanguageSwitch';

const NO_BLOCKS: readonly string[] = [];

/**
 * The model settings from the URL store, and their setters. Only these are read here: the
 * selected layer is read where it is shown, so selecting one does not re-render the page.
 */
function useUrlSettings(urlStore: UrlStore) {
  const preset = useUrlField(urlStore, 'preset');
  const seedLiteral = useUrlField(urlStore, 'seedLiteral');
  const backend = useUrlField(urlStore, 'backend');
  const onPreset = useCallback((p: PresetName) => urlStore.update({ preset: p }), [urlStore]);
  const onSeedLiteral = useCallback((literal: boolean) => urlStore.update({ seedLiteral: literal }), [urlStore]);
  // A backend is chosen before anything runs, so switching it reloads the page.
  const reloadWithBackend = useCallback((name: string) => {
    if (!isBackendName(name)) return;
    window.location.search = writeUrlState({ ...urlStore.get(), backend: name }, window.location.search);
  }, [urlStore]);
  return { preset, seedLiteral, backend, onPreset, onSeedLiteral, reloadWithBackend };
}

/** The URL store and the page's language (the address's `lang`, else the browser's), around the explorer. */
export function App() {
  const [urlStore] = useState(() => createUrlStore(readUrlState(window.location.search)));
  const lang = useUrlField(urlStore, 'lang') ?? browserLang(navigator.languages);
  return (
    <I18n lang={lang}>
      <Explorer urlStore={urlStore} lang={lang} />
    </I18n>
  );
}

function Explorer({ urlStore, lang }: { readonly urlStore: UrlStore; readonly lang: Lang }) {
  const t = useT();
  useAddressBar(urlStore);
  const settings = useUrlSettings(urlStore);
  const onLang = useCallback((l: Lang) => urlStore.update({ lang: l }), [urlStore]);
  const shownSamples = useMemo(() => samples(t), [t]);
  // Whatever the address asked for that the page has not got is said once, on load.
  const [notice, setNotice] = useState<string | null>(() => urlNotice(window.location.search, t));
  // A class activation map belongs to one result; a new result (or a re-run) starts without.
  const [camFor, setCamFor] = useState<{ result: ImageResult; index: number } | null>(null);
  const backend = useEngine(settings.backend, setNotice);
  const client = backend.active ? backend.client : null;
  const memory = useMemory(client);
  const { handle, load } = useModel(client, settings.preset, settings.seedLiteral, backend.epoch);
  const canClassify = handle?.model.canClassify ?? false;
  const lesion = useLesion(urlStore, settings.seedLiteral, setNotice);
  const classifier = useClassifier(canClassify ? handle : null, lesion.off);
  const result = classifier.result;
  // The result's activations are readable only while the model that made it is the current one.
  const live = liveResult(handle, result);
  const compare = useCompare(classifier, live, handle);
  const camera = useCamera(classifier, setNotice);
  const camIndex = camFor && camFor.result === result ? camFor.index : null;
  const cam = useCam(live, camIndex);
  const { preset, seedLiteral } = settings;
  // The architecture needs no weights: the graph and summary show at once, from the plan
  // (the engine's own summary of a preset is the same, layer by layer: model/plan.test.ts).
  const summary = useMemo(() => planSummary(presetConfig(preset, { seedLiteral })), [preset, seedLiteral]);
  // After a backend switch or a fresh worker, the last image, its network view and its
  // predictions stay on show (same architecture, same weights) until it has run again;
  // another preset hides them. The network view, read once, needs no live model.
  const sameModel = result?.handle.model.summary.preset === preset && result.handle.model.summary.seedLiteral === seedLiteral;
  const shown = live ?? (sameModel ? result : null);
  const networkView = useNetworkView(shown);

  const { submit } = classifier;
  const onFiles = useCallback((files: { name: string; blob: Blob }[]) => {
    setNotice(null);
    submit(files);
  }, [submit]);
  const onCam = useCallback((index: number | null) => setCamFor(index === null || !result ? null : { result, index }), [result]);

  // A notice is newer than the queue's error: a new submission clears it, so it never hides one.
  const error = backend.fatal ?? (load.phase === 'failed' ? load.message : null) ?? notice ?? classifier.error ?? cam.error ?? networkView.error;
  const offerWasm = classifier.gpuError && error === classifier.error && backend.active?.name === 'webgl';
  const { leaveWebGL } = backend;
  const action = useMemo(
    () => (offerWasm ? { label: t('app.switchWasm'), onClick: () => leaveWebGL(t('app.wasmAfterGpu')) } : null),
    [offerWasm, leaveWebGL, t],
  );
  const view = networkView.view;
  const networkInput = useMemo(() => (view ? { width: view.size, height: view.size, data: view.data } : null), [view]);

  return (
    <div className="page">
      <header className="masthead">
        <div>
          <h1>{t('app.title')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
          <LanguageSwitch lang={lang} onLang={onLang} />
        </div>
        <PresetControls preset={settings.preset} seedLiteral={settings.seedLiteral} onPreset={settings.onPreset} onSeedLiteral={settings.onSeedLiteral} />
      </header>
      <Alert message={error} action={action} />
      <main className="explorer">
        <InputColumn
          samples={shownSamples}
          load={load}
          queue={{ items: classifier.items, busy: classifier.busy, onCancel: classifier.cancel }}
          onFiles={onFiles}
          onError={setNotice}
          image={result && {
            name: result.name,
            url: result.url,
            width: result.image.width,
            height: result.image.height,
            notes: [...result.image.notes, ...inputNotes(result.image.width, result.image.height, result.handle.model.inputSize, t)],
          }}
          networkView={networkInput}
          predictions={shown?.predictions ?? null}
          intact={shown?.intact ?? null}
          lesion={shown?.lesion ?? NO_BLOCKS}
          cam={cam.cam}
          camIndex={camIndex}
          onCam={onCam}
          trained={handle?.model.trained ?? true}
          classifyOff={handle && !canClassify ? t('app.classifyOff') : null}
          cameraButton={<CameraButton state={camera.state} onStart={camera.start} disabled={Boolean(handle && !canClassify)} />}
          camera={
            <CameraPanel
              state={camera.state}
              fps={camera.fps}
              videoRef={camera.videoRef}
              onPause={camera.pause}
              onResume={camera.resume}
              onStop={camera.stop}
            />
          }
        >
          <ExplainSection result={live} summary={summary} input={networkInput} onNotice={setNotice} />
        </InputColumn>
        <ExplorerViews
          summary={summary}
          result={live}
          urlStore={urlStore}
          onNotice={setNotice}
          input={networkInput}
          lesion={lesion}
          compare={compare}
        />
      </main>
      <Diagnostics
        backend={backend.active?.name ?? null}
        backends={BACKENDS}
        reason={backend.active?.reason ?? null}
        softwareWebGL={backend.active?.softwareWebGL ?? false}
        numTensors={memory.numTensors}
        numBytes={memory.numBytes}
        lastInferenceMs={result?.ms ?? null}
        threads={backend.active?.threads ?? null}
        host={backend.active?.host ?? null}
        hostReason={backend.active?.hostReason ?? null}
        onBackend={settings.reloadWithBackend}
      />
    </div>
  );
}
