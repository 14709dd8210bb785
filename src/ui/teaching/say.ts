import { english, type MessageId, type Translate } from '../i18n/i18n';

/**
 * The walkthrough's sentences. Their numbers are sizes, filters and strides, quoted as the
 * table writes them (2048, not 2,048), so they go in as text; `count` stays a number for
 * plurals, and a boolean picks a `select` case ('yes' / 'no').
 */
export type Say = ((id: MessageId, values?: Readonly<Record<string, string | number | boolean>>) => string) & { readonly t: Translate };

export function sayer(t: Translate = english): Say {
  const say = (id: MessageId, values: Readonly<Record<string, string | number | boolean>> = {}) =>
    t(id, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, k === 'count' ? Number(v) : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v)])));
  return Object.assign(say, { t });
}
