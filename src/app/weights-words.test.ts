import { describe, expect, it } from 'vitest';
import type { OpenFailure } from '../client/types';
import type { WeightsErrorKind } from '../model/pure';
import { chinese as zh } from '../test-support/chinese';
import { english } from '../ui/i18n/i18n';
import { weightsFailureWords } from './weights-words';

const KINDS = [
  'missing-file', 'fetch-failed', 'not-json', 'not-binary', 'bad-manifest', 'unknown-dtype', 'bad-shape',
  'truncated', 'size-mismatch', 'hash-mismatch', 'missing-tensor', 'extra-tensor', 'wrong-shape', 'bad-labels',
] as const satisfies readonly WeightsErrorKind[];
// Every kind of weight-file problem is here (the build fails when a new one is not).
const everyKind: Exclude<WeightsErrorKind, (typeof KINDS)[number]> extends never ? true : false = true;

const why = (kind: OpenFailure['kind'], more: Partial<OpenFailure> = {}): OpenFailure =>
  ({ kind, file: 'group1-shard3of13.bin', tensor: 'res2a_branch2a/kernel', status: null, detail: 'An English detail.', ...more });

describe('weightsFailureWords', () => {
  it('says every kind of weight-file problem in both languages, naming what is at fault', () => {
    expect(everyKind).toBe(true);
    const seen = { en: new Set<string>(), zh: new Set<string>() };
    for (const kind of KINDS) {
      const [en, cn] = [english.said(weightsFailureWords(why(kind))), zh.said(weightsFailureWords(why(kind)))];
      expect(en, kind).toMatch(/^The model could not be loaded: .+ Run `npm run weights` to fetch them again\. The architecture is still shown/);
      expect(cn, kind).toMatch(/^模型加载失败：.+请运行 `npm run weights` 重新获取权重文件。/);
      for (const text of [en, cn]) {
        expect(text, kind).not.toContain('An English detail');
        expect(text, kind).toMatch(/group1-shard3of13\.bin|res2a_branch2a\/kernel|labels\.json/);
      }
      // Chinese throughout: only names, formats and the command are in Latin letters.
      const rest = cn.replace(/group1-shard3of13\.bin|res2a_branch2a\/kernel|model\.json|labels\.json|npm run weights|JSON|SHA-256/g, '');
      expect(rest, kind).not.toMatch(/[A-Za-z]{2,}/);
      seen.en.add(en);
      seen.zh.add(cn);
    }
    // A sentence of its own for each kind.
    expect(seen.en.size).toBe(KINDS.length);
    expect(seen.zh.size).toBe(KINDS.length);
  });

  it('the server’s answer, a failed network, and an error from elsewhere in its own words', () => {
    const file = { file: 'model.json' };
    expect(zh.said(weightsFailureWords(why('fetch-failed', { ...file, status: 503 })))).toContain('无法下载权重文件 model.json：服务器返回 503。');
    expect(english.said(weightsFailureWords(why('fetch-failed', { ...file, status: 503 }))))
      .toContain('Weights file model.json could not be downloaded: the server answered 503.');
    expect(zh.said(weightsFailureWords(why('fetch-failed', file)))).toContain('无法下载权重文件 model.json（网络出错）。');
    expect(english.said(weightsFailureWords(why('missing-file', file)))).toContain(': Weights file model.json is missing. Run');
    const other = why('other', { file: null, detail: 'WebGL ran out of memory.' });
    expect(english.said(weightsFailureWords(other))).toContain(': WebGL ran out of memory. Run');
    expect(zh.said(weightsFailureWords(other))).toBe('模型加载失败：WebGL ran out of memory.请运行 `npm run weights` 重新获取权重文件。网络结构仍会显示（未载入权重）；权重载入之前无法分类。');
  });
});
