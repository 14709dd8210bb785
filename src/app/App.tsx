/** The composition root: backend, model session, image queue, URL, and the panels. */
import { useCallback, useEffect, useMemo, useState } from 'react';
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
import { readUrlState, writeUrlState, type UrlState } from './url-state';
import { SAMPLES } from './samples';

const CLASSIFY_OFF =
  'Classification is off: the ImageNet weights did not load (see the message above). ' +
  'The SIGNS preset runs the assignment model with seeded weights meanwhile.';

export function App() {
  const [url, setUrl] = useState<UrlState>(() => readUrlState(window.location.search));
  const [notice, setNotice] = useState<string | null>(null);
  // A class activation map belongs to one result; a new result (or a re-run) starts without.
  const [camFor, setCamFor] = useState<{ result: ImageResult; index: number } | null>(null);
  const backend = useBackend(url.backend, setNotice);
  const memory = useMemory(backend.active !== null);
  const { session, canClassify, load } = useSession(backend.active !== null, url.preset, url.seedLiteral, backend.epoch);
  const classifier = useClassifier(canClassify ? session : null);
  const result = classifier.result;
  const camIndex = camFor && camFor.result === result ? camFor.index : null;
  const cam = useCam(session, result, camIndex);
  const networkView = useNetworkView(result);

  useEffect(() => {
    window.history.replaceState(null, '', writeUrlState(url, window.location.search));
  }, [url]);

  const update = useCallback((patch: Partial<UrlState>) => setUrl((u) => ({ ...u, ...patch })), []);
  const onFiles = useCallback((files: { name: string; blob: Blob }[]) => {
    setNotice(null);
    classifier.submit(files);
  }, [classifier]);
  const onCam = (index: number | null) => setCamFor(index === null || !result ? null : { result, index });
  const reloadWithBackend = (name: string) => {
    if (!isBackendName(name)) return;
    window.location.search = writeUrlState({ ...url, backend: name }, window.location.search);
  };

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
        <PresetControls
          preset={url.preset}
          seedLiteral={url.seedLiteral}
          onPreset={(preset) => update({ preset })}
          onSeedLiteral={(seedLiteral) => update({ seedLiteral })}
        />
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
          url={url}
          onUrl={update}
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
        onBackend={reloadWithBackend}
      />
    </div>
  );
}
