/**
 * Opening a preset: the ImageNet weights are downloaded, checked and loaded by name; when
 * they cannot be, the architecture is still built (zero weights, nothing downloaded) so the
 * graph and summary keep working, and the failure says which file and what to run.
 */
import { ModelSession } from '../inspect/session';
import type { WeightsSource } from '../model/weights/source';
import { WeightsError } from '../model/weights/errors';
import { abortError, errorText } from '../client/errors';
import type { LoadPhase, OpenFailure, OpenOptions, OpenRequest } from '../client/types';

export interface OpenSession {
  readonly session: ModelSession;
  /** Why only the architecture was built, in English and as data; null when the model can classify. */
  readonly failure: string | null;
  readonly failureWhy: OpenFailure | null;
}

/** What went wrong, as data: a weight file's problem, or an error from elsewhere in its own words. */
export function openFailure(err: unknown): OpenFailure {
  if (err instanceof WeightsError) {
    return { kind: err.kind, file: err.file, tensor: err.tensor ?? null, status: err.status, detail: err.detail };
  }
  return { kind: 'other', file: null, tensor: null, status: null, detail: errorText(err) };
}

const ARCHITECTURE_ONLY =
  ' The architecture is still shown (built without its weights); classification is off until the weights load.';

/** One progress callback for phases and bytes, as the client reports them. */
function progressReporter(onProgress: OpenOptions['onProgress']) {
  let phase: LoadPhase = 'building';
  let bytes = { loadedBytes: 0, totalBytes: 0 };
  const report = () => onProgress?.({ phase, ...bytes });
  return {
    onPhase: (next: LoadPhase) => { phase = next; report(); },
    onProgress: (next: { loadedBytes: number; totalBytes: number }) => {
      bytes = { loadedBytes: next.loadedBytes, totalBytes: next.totalBytes };
      report();
    },
  };
}

export async function openModel(
  request: OpenRequest,
  source: (signal?: AbortSignal) => WeightsSource,
  { onProgress, signal }: OpenOptions,
): Promise<OpenSession> {
  const { preset, seedLiteral } = request;
  try {
    const session = await ModelSession.open({
      preset, seedLiteral, weights: source(signal), warmUp: request.warmUp ?? false, ...progressReporter(onProgress),
    });
    if (signal?.aborted) {
      session.dispose();
      throw abortError();
    }
    return { session, failure: null, failureWhy: null };
  } catch (err) {
    // Only the ImageNet preset downloads anything; the others have nothing to fall back to.
    // Nor does a load nobody wants any more (another preset or backend was chosen).
    if (signal?.aborted) throw abortError();
    if (preset !== 'imagenet' || seedLiteral || request.architectureIfWeightsFail === false) throw err;
    const failure = `The model could not be loaded: ${errorText(err)}${ARCHITECTURE_ONLY}`;
    return { session: await ModelSession.open({ preset, seedLiteral, architectureOnly: true }), failure, failureWhy: openFailure(err) };
  }
}
