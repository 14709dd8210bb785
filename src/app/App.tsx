/** The composition root: backend, model session, image queue, URL, and the panels. */
import { useCallback, useMemo, useState } from 'react';
import { BACKENDS, isBackendName } from '../client/backend-policy';
import type { PresetName } from '../model/pure';
import { Alert } from '../ui/Alert';
import { Diagnostics } from '../ui/Diagnostics';
import { PresetControls } from '../ui/PresetControls';
import { CameraButton, CameraPanel } from '../ui/input/CameraPanel';
import { InputColumn } from '../ui/input/InputColumn';
import { ModelFileControls, OpenModelButton } from '../ui/model-file/ModelFileControls';
import { ExplainSection } from './ExplainSection';
import { ExplorerViews } from './ExplorerViews';
import type { ImageResult } from './classify-queue';
import type { PreprocessChoice } from '../client/types';
import type { NamedBlob } from '../ui/view-data';
import { useEngine } from './use-engine';
import { useClassifier } from './use-classifier';
import { liveResult, useCam, useNetworkView } from './use-layer-data';
import { useShownModel } from './use-shown-model';
import { localLinkNotice } from './local-model-url';
import { useMemory } from './use-memory';
import { useLesion } from './use-lesion';
import { useCompare } from './use-compare';
import { useCamera } from './use-camera';
import { KEPT_FILES } from './kept-files';
import { inputNotes } from './image-notes';
import { createUrlStore, readUrlState, urlNotice, useAddressBar, useUrlField, writeUrlState, type UrlStore } from './url-state';
import { samples } from './samples';
import { browserLang, type Lang } from '../ui/i18n/i18n';
import { I18n, useLangFailure, useT } from '../ui/i18n/I18n';
import { LanguageSwitch } from '../ui/i18n/LanguageSwitch';
import { readEmbed } from './embed-mode';
import { EmbedApp } from './EmbedApp';
import { said, type Said } from '../ui/i18n/i18n';

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
  // `?embed=graph|block|walkthrough|inspector`: that part alone, for a course page's iframe.
  const [embed] = useState(() => readEmbed(window.location.search));
  return (
    <I18n lang={lang}>
      {embed ? <EmbedApp mode={embed} urlStore={urlStore} /> : <Explorer urlStore={urlStore} lang={lang} />}
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
  const [notice, setNotice] = useState<Said | null>(() => localLinkNotice(window.location.search, urlStore.get().preset) ?? urlNotice(window.location.search));
  // A class activation map belongs to one result; a new result (or a re-run) starts without.
  const [camFor, setCamFor] = useState<{ result: ImageResult; index: number } | null>(null);
  const backend = useEngine(settings.backend, setNotice);
  const client = backend.active ? backend.client : null;
  const memory = useMemory(client);
  const shownModel = useShownModel(client, urlStore, settings.preset, settings.seedLiteral, backend.epoch);
  const { handle, load, summary, file } = shownModel;
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
  // After a backend switch or a fresh worker, the last image, its network view and its
  // predictions stay on show (same architecture, same weights) until it has run again;
  // another model hides them. The network view, read once, needs no live model.
  const sameModel = result?.handle.key === shownModel.key;
  const shown = live ?? (sameModel ? result : null);
  const networkView = useNetworkView(shown);

  const { submit } = classifier;
  const { open: openModel, dismiss: dismissModelError, configure } = file;
  const onFiles = useCallback((files: { name: string; blob: Blob }[]) => {
    setNotice(null);
    dismissModelError();
    submit(files);
  }, [submit, dismissModelError]);
  const onModelFiles = useCallback((files: readonly NamedBlob[], labels: NamedBlob | null) => {
    setNotice(null);
    openModel(files, labels);
  }, [openModel]);
  const onPreprocess = useCallback((preprocess: PreprocessChoice) => configure({ preprocess }), [configure]);
  const onInputSize = useCallback((inputSize: number) => configure({ inputSize }), [configure]);
  const opened = file.handle?.model ?? null;
  const onCam = useCallback((index: number | null) => setCamFor(index === null || !result ? null : { result, index }), [result]);

  // A notice is newer than the queue's error: a new submission clears it, so it never hides one.
  const langFailure = useLangFailure();
  const error = backend.fatal ?? file.error ?? (load.phase === 'failed' ? load.message : null) ?? notice ?? classifier.error ?? cam.error ?? networkView.error ?? langFailure;
  const offerWasm = classifier.gpuError && error === classifier.error && backend.active?.name === 'webgl';
  const { leaveWebGL } = backend;
  const action = useMemo(
    () => (offerWasm ? { label: t('app.switchWasm'), onClick: () => leaveWebGL(said('app.wasmAfterGpu')) } : null),
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
        <PresetControls
          preset={settings.preset}
          seedLiteral={settings.seedLiteral}
          onPreset={shownModel.onPreset}
          onSeedLiteral={settings.onSeedLiteral}
          local={file.last && { name: file.last.origin.name, active: opened !== null }}
          onLocal={file.reopen}
          action={<OpenModelButton onModel={onModelFiles} onError={setNotice} />}
        >
          <ModelFileControls
            opening={file.opening}
            onCancel={file.cancel}
            shown={opened && { origin: opened.origin, classes: opened.summary.classes, inputSize: opened.inputSize }}
            onPreprocess={onPreprocess}
            onInputSize={onInputSize}
          />
        </PresetControls>
      </header>
      <Alert message={error} action={action} />
      <main className="explorer">
        <InputColumn
          samples={shownSamples}
          load={load}
          queue={{
            items: classifier.items, busy: classifier.busy, onCancel: classifier.cancel,
            shownId: result?.id ?? null, onRecall: classifier.recall, keptLimit: KEPT_FILES,
          }}
          onFiles={onFiles}
          onModelFiles={onModelFiles}
          noClasses={shownModel.noClasses}
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
          classifyOff={handle && !canClassify ? said('app.classifyOff') : null}
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
          model={handle}
        />
      </main>
      <Diagnostics
        backend={backend.active?.name ?? null}
        backends={BACKENDS}
        reason={backend.active ?? null}
        switchedWhy={backend.switchedWhy}
        softwareWebGL={backend.active?.softwareWebGL ?? false}
        numTensors={memory.numTensors}
        numBytes={memory.numBytes}
        lastInferenceMs={result?.ms ?? null}
        threads={backend.active?.threads ?? null}
        host={backend.active?.host ?? null}
        hostWhy={backend.active?.hostWhy ?? null}
        onBackend={settings.reloadWithBackend}
        origin={shownModel.origin}
      />
    </div>
  );
}
