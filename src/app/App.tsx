/** The composition root: backend, model, URL and the panels that show them. */
import { useEffect, useState } from 'react';
import type { PresetName } from '../model';
import { Alert } from '../ui/Alert';
import { Diagnostics } from '../ui/Diagnostics';
import { ModelTotals } from '../ui/ModelTotals';
import { PresetControls } from '../ui/PresetControls';
import { SummaryTable } from '../ui/SummaryTable';
import { startBackend, type ActiveBackend } from './backend';
import { useModelSummary, useTensorCount } from './use-model-summary';
import { readUrlState, writeUrlState, type UrlState } from './url-state';

export function App() {
  const [url, setUrl] = useState<UrlState>(() => readUrlState(window.location.search));
  const [backend, setBackend] = useState<ActiveBackend | null>(null);
  const [error, setError] = useState<string | null>(null);
  const numTensors = useTensorCount();
  const summary = useModelSummary(backend !== null, url.preset, url.seedLiteral);

  useEffect(() => {
    startBackend(url.backend).then(setBackend, (err: unknown) => {
      setError(err instanceof Error ? err.message : String(err));
    });
    // The backend is chosen once per page load; a change of ?backend= reloads the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    window.history.replaceState(null, '', writeUrlState(url, window.location.search));
  }, [url]);

  const update = (patch: Partial<UrlState>) => setUrl((u) => ({ ...u, ...patch }));
  const shownError = error ?? (summary.status === 'failed' ? summary.message : null);

  return (
    <div className="page">
      <header className="masthead">
        <h1>ResNet50 Explorer</h1>
        <p className="tagline">
          The ResNet50 of the classic assignment, built layer by layer in TensorFlow.js, right here in your browser.
        </p>
      </header>
      <Alert message={shownError} />
      <main>
        <PresetControls
          preset={url.preset}
          seedLiteral={url.seedLiteral}
          onPreset={(preset: PresetName) => update({ preset })}
          onSeedLiteral={(seedLiteral) => update({ seedLiteral })}
        />
        {summary.status === 'ready' ? (
          <>
            <ModelTotals summary={summary.summary} buildMs={summary.buildMs} />
            <SummaryTable summary={summary.summary} />
          </>
        ) : (
          <p className="building" aria-busy="true">
            {backend ? 'Building ResNet50…' : 'Starting TensorFlow.js…'}
          </p>
        )}
      </main>
      <Diagnostics backend={backend?.name ?? null} reason={backend?.reason ?? null} numTensors={numTensors} />
    </div>
  );
}
