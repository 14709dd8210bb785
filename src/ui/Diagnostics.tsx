import { memo } from 'react';
import type { HostWhy } from '../client/host-policy';
import { backendReason, hostReason, type BackendReasonFacts } from './backend-words';
import { useT } from './i18n/I18n';
import type { Said } from './i18n/i18n';

interface Props {
  readonly backend: string | null;
  /** Backends the user may switch to. */
  readonly backends: readonly string[];
  /** Why this backend, as data (worded here, in the page's language). */
  readonly reason: BackendReasonFacts | null;
  /** What a `switched` reason means: why the page left the previous backend. */
  readonly switchedWhy?: Said | null;
  readonly softwareWebGL: boolean;
  readonly numTensors: number;
  readonly numBytes: number;
  readonly lastInferenceMs: number | null;
  /** WASM threads in use, when the backend is WASM. */
  readonly threads: number | null;
  /** Where the model runs: its own worker, or the page (and why). */
  readonly host: 'worker' | 'page' | null;
  readonly hostWhy: HostWhy | null;
  readonly onBackend: (backend: string) => void;
  /** Where a person's own model came from (its files); null for a preset. */
  readonly origin?: string | null;
}

/** Live facts about the engine: which backend runs and why, tensors, memory, last run. */
export const Diagnostics = memo(function Diagnostics(props: Props) {
  const { backend, backends, reason: facts, switchedWhy = null, softwareWebGL, numTensors, numBytes, lastInferenceMs, threads, host, hostWhy, onBackend, origin = null } = props;
  const t = useT();
  const reason = facts && backendReason(facts, switchedWhy, t);
  const mib = t.number(numBytes / 2 ** 20, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    // A status region that is not read out on every change (the tensor count moves with
    // each image): only a change of backend is announced, by the line below; errors are
    // announced by the page's alert.
    <section className="diagnostics" role="status" aria-label={t('diag.label')} aria-live="off">
      <span className="visually-hidden" aria-live="polite">{backend ? t('diag.announce', { backend, inPage: host === 'page' ? 'yes' : 'no' }) : ''}</span>
      <span>
        {t('diag.backend')} <strong data-testid="backend">{backend ?? t('diag.starting')}</strong>
        {host && <span data-testid="host">{t(host === 'worker' ? 'diag.inWorker' : 'diag.inPage')}</span>}
        {softwareWebGL && facts?.why.code !== 'software-webgl' && <span className="muted">{t('diag.software')}</span>}
      </span>
      {origin && <span data-testid="model-origin" title={origin}>{origin}</span>}
      {threads !== null && <span>{t('diag.threads', { n: threads })}</span>}
      {/* Why the model runs in the page (no worker could): people ask, so it is spelled out. */}
      {hostWhy && <span className="muted reason" data-testid="host-reason">{t('diag.hostReason', { reason: hostReason(hostWhy, t) })}</span>}
      {reason && <span className="muted reason" title={reason}>{reason}</span>}
      {/* The count as plain digits (no grouping): tests and people read it as `Tensors: N`. */}
      <span>{t('diag.tensors', { n: String(numTensors) })}</span>
      <span>{t('diag.memory', { mib })}</span>
      <span>{t('diag.lastInference', { time: lastInferenceMs === null ? '—' : t('diag.ms', { ms: Math.round(lastInferenceMs) }) })}</span>
      <label className="backend-switch">
        {t('diag.switch')}{' '}
        <select value={backend ?? ''} onChange={(e) => onBackend(e.target.value)} disabled={!backend}>
          {backends.map((b) => <option key={b} value={b}>{b}</option>)}
        </select>
      </label>
    </section>
  );
});
