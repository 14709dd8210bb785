/**
 * The assignment's code as a read-only listing, highlighted by Prism (prism-react-renderer's
 * bundled copy, Python grammar), every line that makes a layer a button: the open layer's
 * lines are lit and scrolled to, and a click (or Enter) on a line opens its layer. Loaded
 * only when someone opens it, so the page's first script stays small.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { normalizeTokens, Prism, type Token } from 'prism-react-renderer';
import { codeText, type AssignmentCode, type LayerInfo, type LayerSummary } from '../../model/pure';
import { layerForLine, litLines } from './code-links';
import './code-view.css';
import { useT } from '../i18n/I18n';

export interface CodeViewProps {
  readonly code: AssignmentCode;
  /** The open layer (its lines are lit), or null. */
  readonly open: LayerInfo | null;
  readonly layers: readonly LayerSummary[];
  readonly onLayer: (name: string) => void;
}

const MOVE_KEYS: Readonly<Record<string, (i: number, n: number) => number>> = {
  ArrowDown: (i, n) => Math.min(i + 1, n - 1),
  ArrowUp: (i) => Math.max(i - 1, 0),
  Home: () => 0,
  End: (_i, n) => n - 1,
};

function tokenLines(code: AssignmentCode): Token[][] {
  const text = code.lines.map((l) => l.text).join('\n');
  const python = Prism.languages.python;
  if (!python) return code.lines.map((l) => [{ types: ['plain'], content: l.text }]);
  return normalizeTokens(Prism.tokenize(text, python));
}

function LineTokens({ tokens }: { tokens: readonly Token[] }) {
  return tokens.map((t, i) => (
    // Token order within a line never changes, so the index is a stable key.
    <span key={i} className={t.empty ? undefined : `token ${t.types.join(' ')}`}>{t.empty ? ' ' : t.content}</span>
  ));
}

/** Keeps a lit line in view inside the listing's own scroll box (never scrolls the page). */
function useScrollToLine(line: number | undefined) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current?.querySelector<HTMLElement>(`[data-line="${line}"]`);
    const container = box.current;
    if (!el || !container) return;
    const top = el.offsetTop; // the scroll box is the lines' offset parent (position: relative)
    if (top < container.scrollTop || top + el.offsetHeight > container.scrollTop + container.clientHeight) {
      container.scrollTop = Math.max(0, top - container.clientHeight / 3);
    }
  }, [line]);
  return box;
}

function useCopy(text: string) {
  const t = useT();
  const [status, setStatus] = useState('');
  const copy = useCallback(() => {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard) { setStatus(t('code.noCopy')); return; }
    clipboard.writeText(text).then(
      () => setStatus(t('code.copied')),
      () => setStatus(t('code.refused')),
    );
  }, [text, t]);
  return { status, copy };
}

export const CodeView = memo(function CodeView({ code, open, layers, onLayer }: CodeViewProps) {
  const t = useT();
  const lines = useMemo(() => tokenLines(code), [code]);
  const lit = useMemo(() => new Set(litLines(code, open)), [code, open]);
  const linked = useMemo(() => code.lines.flatMap((l, i) => (l.link ? [i] : [])), [code]);
  const firstLit = linked.find((i) => lit.has(i));
  const [focusLine, setFocusLine] = useState<number | null>(null);
  const tabLine = focusLine ?? firstLit ?? linked[0];
  const box = useScrollToLine(firstLit);
  const { status, copy } = useCopy(useMemo(() => codeText(code), [code]));
  // Asked for just now: the listing comes into view (beside the graph it sits in a column of its own).
  useEffect(() => box.current?.scrollIntoView?.({ block: 'nearest' }), [box]);

  const openLine = useCallback((i: number) => {
    const name = layerForLine(code, i, open, layers);
    if (name) onLayer(name);
  }, [code, open, layers, onLayer]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const move = MOVE_KEYS[event.key];
    const at = linked.indexOf(Number((event.target as HTMLElement).dataset.line));
    if (!move || at < 0) return;
    event.preventDefault();
    const next = linked[move(at, linked.length)];
    setFocusLine(next);
    box.current?.querySelector<HTMLElement>(`[data-line="${next}"]`)?.focus();
  };

  return (
    <div className="code-view">
      <div className="code-toolbar">
        <span className="code-caption">{t('code.caption')}</span>
        <button type="button" className="code-copy" onClick={copy}>{t('code.copy')}</button>
      </div>
      <p className="code-status" role="status">{status}</p>
      <nav className="code-functions" aria-label={t('code.functions')}>
        {code.functions.map((f) => (
          <button key={f.name} type="button" onClick={() => box.current?.querySelector<HTMLElement>(`[data-line="${f.line}"]`)?.scrollIntoView({ block: 'start' })}>
            <code>{f.name}</code>
          </button>
        ))}
      </nav>
      <div ref={box} className="code-scroll" onKeyDown={onKeyDown}>
        <pre className="code-pre" aria-label={t('code.listing')}><code>
          {lines.map((tokens, i) => {
            const isLinked = code.lines[i]?.link != null;
            const className = `code-line${lit.has(i) ? ' lit' : ''}`;
            if (!isLinked) return <span key={i} className={className} data-line={i}><LineTokens tokens={tokens} /></span>;
            return (
              <button
                key={i}
                type="button"
                className={className}
                data-line={i}
                tabIndex={i === tabLine ? 0 : -1}
                aria-current={lit.has(i) ? 'true' : undefined}
                onFocus={() => setFocusLine(i)}
                onClick={() => openLine(i)}
              >
                <LineTokens tokens={tokens} />
              </button>
            );
          })}
        </code></pre>
      </div>
    </div>
  );
});
