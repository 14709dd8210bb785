/** The frame around an embedded part: its heading and landmark, the alert, and the link to the full explorer. */
import { useId, useSyncExternalStore, type ReactNode } from 'react';
import { Alert } from '../ui/Alert';
import { useLangFailure, useT } from '../ui/i18n/I18n';
import type { Said } from '../ui/i18n/i18n';
import { fullExplorerHref, type EmbedMode } from './embed-mode';
import { writeUrlState, type UrlStore } from './url-state';
import './embed.css';

/** The address of the full explorer showing what the frame shows now (its selected layer included). */
function useFullHref(urlStore: UrlStore): string {
  const state = useSyncExternalStore(urlStore.subscribe, urlStore.get, urlStore.get);
  const { origin, pathname, search, hash } = window.location;
  return fullExplorerHref(`${origin}${pathname}${writeUrlState(state, search)}${hash}`);
}

interface FrameProps {
  readonly mode: EmbedMode;
  readonly title: ReactNode;
  readonly urlStore: UrlStore;
  readonly error: Said | null;
  readonly children: ReactNode;
}

/** The frame's landmark, named by its heading, and the way out to the whole explorer (a new tab: the course page stays). */
export function EmbedFrame({ mode, title, urlStore, error, children }: FrameProps) {
  const t = useT();
  const headingId = useId();
  const href = useFullHref(urlStore);
  const langFailure = useLangFailure();
  return (
    <div className={`embed embed--${mode}`} data-embed={mode}>
      <header className="embed-bar">
        <h1 id={headingId}>{title}</h1>
        <a className="embed-open" href={href} target="_blank" rel="noopener">
          {t('embed.open')}<span className="visually-hidden"> {t('embed.newTab')}</span><span aria-hidden="true"> ↗</span>
        </a>
      </header>
      <Alert message={error ?? langFailure} />
      <main className="embed-body" aria-labelledby={headingId}>{children}</main>
    </div>
  );
}
