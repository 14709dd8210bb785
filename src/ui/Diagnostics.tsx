import { memo } from 'react';

interface Props {
  readonly backend: string | null;
  /** Backends the user may switch to. */
  readonly backends: readonly string[];
  readonly reason: string | null;
  readonly softwareWebGL: boolean;
  readonly numTensors: number;
  readonly numBytes: number;
  readonly lastInferenceMs: number | null;
  /** WASM threads in use, when the backend is WASM. */
  readonly threads: number | null;
  /** Where the model runs: its own worker, or the page (and why). */
  readonly host: 'worker' | 'page' | null;
  readonly hostReason: string | null;
  readonly onBackend: (backend: string) => void;
}

function megabytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

/** Live facts about the engine: which backend runs and why, tensors, memory, last run. */
export const Diagnostics = memo(function Diagnostics(props: Props) {
  const { backend, backends, reason, softwareWebGL, numTensors, numBytes, lastInferenceMs, threads, host, hostReason, onBackend } = props;
  return (
    // A status region that is not read out on every change (the tensor count moves with
    // each image): only a change of backend is announced, by the line below; errors are
    // announced by the page's alert.
    <section className="diagnostics" role="status" aria-label="Diagnostics" aria-live="off">
      <span className="visually-hidden" aria-live="polite">{backend ? `Backend: ${backend}${host === 'page' ? ', in the page' : ''}` : ''}</span>
      <span>
        Backend: <strong data-testid="backend">{backend ?? 'starting…'}</strong>
        {host && <span data-testid="host">{host === 'worker' ? ', in a worker' : ', in the page'}</span>}
        {softwareWebGL && !reason?.includes('software-rendered') && <span className="muted"> (WebGL here is software-rendered)</span>}
      </span>
      {threads !== null && <span>Threads: {threads}</span>}
      {/* Why the model runs in the page (no worker could): people ask, so it is spelled out. */}
      {hostReason && <span className="muted reason" data-testid="host-reason" title={hostReason}>In the page: {hostReason}</span>}
      {reason && <span className="muted reason" title={reason}>{reason}</span>}
      <span>Tensors: {numTensors}</span>
      <span>Memory: {megabytes(numBytes)}</span>
      <span>Last inference: {lastInferenceMs === null ? '—' : `${Math.round(lastInferenceMs)} ms`}</span>
      <label className="backend-switch">
        Switch backend{' '}
        <select value={backend ?? ''} onChange={(e) => onBackend(e.target.value)} disabled={!backend}>
          {backends.map((b) => <option key={b} value={b}>{b}</option>)}
        </select>
      </label>
    </section>
  );
});
