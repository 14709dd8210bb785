/**
 * A preset that opened without its weights, said in the page's language: the engine gives
 * the problem as data (OpenFailure), one sentence per kind of weight-file problem names the
 * file (and the tensor or the server's answer); anything else is said as it came.
 */
import type { OpenFailure } from '../client/types';
import { said, type Said } from '../ui/i18n/i18n';

export function weightsFailureWords(why: OpenFailure): Said {
  const problem = said('weights.problem', {
    // ICU's select cases are words: missing-file is said by missingFile.
    kind: why.kind.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
    file: why.file ?? '',
    tensor: why.tensor ?? '',
    status: why.status === null ? 'none' : String(why.status),
    detail: why.detail,
  });
  return said('model.weightsFailed', { problem });
}
