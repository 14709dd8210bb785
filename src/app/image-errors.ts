/**
 * An image's refusal in the page's language: an ImageInputError carries its sentence as data
 * (`words`), which the page says from its catalogue; anything else is said as it came.
 * English reads exactly as the error's own message, accepted formats and all
 * (image-errors.test.ts holds them together).
 */
import { errorText } from '../client/errors';
import { isImageInputError, type ImageErrorCode } from '../model/pure';
import { said, type MessageId, type Said } from '../ui/i18n/i18n';

const MESSAGES: Record<ImageErrorCode, MessageId> = {
  empty: 'refuse.empty',
  'too-short': 'refuse.tooShort',
  'cut-short': 'refuse.cutShort',
  'bad-header': 'refuse.badHeader',
  unsupported: 'refuse.unsupported',
  'not-an-image': 'refuse.notAnImage',
  svg: 'refuse.svg',
  html: 'refuse.html',
  'too-large': 'refuse.tooLarge',
  undecodable: 'refuse.undecodable',
};

/** Why a file could not be read, to be said when shown. */
export function imageErrorWords(err: unknown): Said {
  if (!isImageInputError(err) || !err.words) return errorText(err);
  // Sizes and byte counts read as the English message writes them (20000, not 20,000).
  const values = Object.fromEntries(Object.entries(err.words.values ?? {}).map(([k, v]) => [k, String(v)]));
  return said(MESSAGES[err.words.code], values);
}
