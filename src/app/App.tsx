/** The composition root: backend, model session, image queue, URL, and the panels. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert } from '../ui/Alert';
import { Diagnostics } from '../ui/Diagnostics';
import { PresetControls } from '../ui/PresetControls';
import { InputColumn } from '../ui/input/InputColumn';
import { ExplorerViews } from './ExplorerViews';
import { BACKENDS, isBackendName, type BackendName } from './backend-policy';
import { startBackend, type ActiveBackend } from './backend';
import { useClassifier } from './use-classifier';
import { useCam, useNetworkView } from './use-layer-data';
import { useSession } from './use-session';
import { useMemory } from './use-tensor-count';
import { readUrlState, writeUrlState, type UrlState } from './url-state';
import { SAMPLES } from './samples';

export function App() {
  const [url, setUrl] = useState<UrlState>(() => readUrlState(window.location.search));
  const [backend, setBackend] = useState<ActiveBackend | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [camIndex, setCamIndex] = useState<number | null>(null);
  const memory = useMemory();
  const { session, load } = useSession(backend !== null, url.preset, url.seedLiteral);
  const classifier = useClassifier(session);
  const result = classifier.result;
  const cam = useCam(session, result, camIndex);
  const networkView = useNetworkView(result);

  useEffect(() => {
    startBackend(url.backend).then(setBackend, (err: unknown) => setFatal(err instanceof Error ? err.message : String(err)));
    // The backend is chosen once per page load; switching it reloads the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    window.history.replaceState(null, '', writeUrlState(url, window.location.search));
  }, [url]);

  const update = useCallback((patch: Partial<UrlState>) => setUrl((u) => ({ ...u, ...patch })), []);
  const onFiles = useCallback((files: { name: string; blob: Blob }[]) => {
    setNotice(null);
    setCamIndex(null);
    classifier.submit(files);
  }, [classifier]);
  const switchBackend = (name: string) => {
    if (!isBackendName(name)) return;
    window.location.search = writeUrlState({ ...url, backend: name as BackendName }, window.location.search);
  };

  const error = fatal ?? (load.phase === 'failed' ? load.message : null) ?? classifier.error ?? notice;
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
      <Alert message={error} />
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
          onCam={setCamIndex}
          trained={session?.trained ?? true}
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
        backend={backend?.name ?? null}
        backends={BACKENDS}
        reason={backend?.reason ?? null}
        softwareWebGL={backend?.softwareWebGL ?? false}
        numTensors={memory.numTensors}
        numBytes={memory.numBytes}
        lastInferenceMs={result?.ms ?? null}
        threads={backend?.threads ?? null}
        onBackend={switchBackend}
      />
    </div>
  );
}
