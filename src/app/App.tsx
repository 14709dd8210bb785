/** The composition root: backend, model session, image queue, URL, and the panels. */
import { useCallback, useMemo, useState } from 'react';
import type { PresetName } from '../model';
import { Alert } from '../ui/Alert';
import { Diagnostics } from '../ui/Diagnostics';
import { PresetControls } from '../ui/PresetControls';
import { InputColumn } from '../ui/input/InputColumn';
import { ExplorerViews } from './ExplorerViews';
import { BACKENDS, isBackendName } from './backend-policy';
import type { ImageResult } from './classify-queue';
import { useBackend } from './use-backend';
import { useClassifier } from './use-classifier';
import { useCam, useNetworkView } from './use-layer-data';
import { useSession } from './use-session';
import { useMemory } from './use-tensor-count';
import { createUrlStore, readUrlState, useAddressBar, useUrlField, writeUrlState, type UrlStore } from './url-state';
import { SAMPLES } from './samples';

const CLASSIFY_OFF =
  'Classification is off: the ImageNet weights did not load (see the message above). ' +
  'The SIGNS preset runs the assignment model with seeded weights meanwhile.';

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

export function App() {
  const [urlStore] = useState(() => createUrlStore(readUrlState(window.location.search)));
  useAddressBar(urlStore);
  const settings = useUrlSettings(urlStore);
  const [notice, setNotice] = useState<string | null>(null);
  // A class activation map belongs to one result; a new result (or a re-run) starts without.
  const [camFor, setCamFor] = useState<{ result: ImageResult; index: number } | null>(null);
  const backend = useBackend(settings.backend, setNotice);
  const memory = useMemory(backend.active !== null);
  const { session, canClassify, load } = useSession(backend.active !== null, settings.preset, settings.seedLiteral, backend.epoch);
  const classifier = useClassifier(canClassify ? session : null);
  const result = classifier.result;
  const camIndex = camFor && camFor.result === result ? camFor.index : null;
  const cam = useCam(session, result, camIndex);
  const networkView = useNetworkView(result);

  const onFiles = useCallback((files: { name: string; blob: Blob }[]) => {
    setNotice(null);
    classifier.submit(files);
  }, [classifier]);
  const onCam = (index: number | null) => setCamFor(index === null || !result ? null : { result, index });

  // A notice is newer than the queue's error: a new submission clears it, so it never hides one.
  const error = backend.fatal ?? (load.phase === 'failed' ? load.message : null) ?? notice ?? classifier.error;
  const offerWasm = classifier.gpuError && error === classifier.error && backend.active?.name === 'webgl';
  const action = offerWasm ? { label: 'Switch to WASM', onClick: () => backend.leaveWebGL('WASM was chosen after a GPU failure') } : null;
  const live = result !== null && session !== null && result.session === session;
  const camMap = useMemo(() => (live ? cam : null), [live, cam]);

  return (
    <div className="page">
      <header className="masthead">
        <div>
          <h1>ResNet50 Explorer</h1>
          <p className="tagline">The ResNet50 of the classic assignment, built layer by layer in TensorFlow.js, running in your browser.</p>
        </div>
        <PresetControls preset={settings.preset} seedLiteral={settings.seedLiteral} onPreset={settings.onPreset} onSeedLiteral={settings.onSeedLiteral} />
      </header>
      <Alert message={error} action={action} />
      <main className="explorer">
        <InputColumn
          samples={SAMPLES}
          load={load}
          queue={{ items: classifier.items, busy: classifier.busy, onCancel: classifier.cancel }}
          onFiles={onFiles}
          onError={setNotice}
          image={result && { name: result.name, url: result.url, width: result.image.width, height: result.image.height, notes: result.image.notes }}
          networkView={networkView && { width: networkView.size, height: networkView.size, data: networkView.data }}
          predictions={live ? result.predictions : null}
          cam={camMap}
          camIndex={camIndex}
          onCam={onCam}
          trained={session?.trained ?? true}
          classifyOff={session && !canClassify ? CLASSIFY_OFF : null}
        />
        <ExplorerViews
          session={session}
          result={live ? result : null}
          urlStore={urlStore}
          onNotice={setNotice}
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
        onBackend={settings.reloadWithBackend}
      />
    </div>
  );
}
