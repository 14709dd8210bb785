/**
 * Why the engine runs on its backend, in the page's language: the report's reason as data
 * (`why`, `startFailures`) worded from the catalogue. English reads exactly as the report's
 * own `reason` (backend-words.test.ts holds them together).
 */
import type { BackendWhy, StartFailure } from '../client/backend-policy';
import type { HostWhy } from '../client/host-policy';
import type { Said, Translate } from './i18n/i18n';

export interface BackendReasonFacts {
  readonly why: BackendWhy;
  readonly startFailures: readonly StartFailure[];
}

function whyText(why: BackendWhy, switched: Said | null, t: Translate): string {
  switch (why.code) {
    case 'requested':
      return t('diag.why.requested', { backend: why.backend });
    case 'no-webgl':
      return t('diag.why.noWebgl');
    case 'software-webgl':
      return t('diag.why.software', { renderer: why.renderer });
    case 'hardware-webgl':
      return t('diag.why.hardware');
    case 'switched':
      return switched ? t.said(switched) : t('diag.why.switched');
  }
}

function failureText(f: StartFailure, t: Translate): string {
  return f.cause === 'no-start' ? t('diag.noStart', { backend: f.backend }) : t('diag.startError', { backend: f.backend, detail: f.detail });
}

/** "wasm was requested; webgl could not start (no usable WebGL context)", in `t`'s language. */
export function backendReason(facts: BackendReasonFacts, switched: Said | null, t: Translate): string {
  return [whyText(facts.why, switched, t), ...facts.startFailures.map((f) => failureText(f, t))].join(t('diag.reasonSep'));
}

/** Why the model runs in the page rather than its own worker, in `t`'s language (English: the report's `hostReason`). */
export function hostReason(why: HostWhy, t: Translate): string {
  switch (why.code) {
    case 'no-workers':
      return t('diag.host.noWorkers');
    case 'safari-webgl':
      return t('diag.host.safari');
    case 'no-offscreen-webgl':
      return t('diag.host.noOffscreen');
    case 'worker-failed':
      return t('diag.host.workerFailed', { detail: why.detail });
  }
}
