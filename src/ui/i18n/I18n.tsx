/**
 * The page's language: loads its catalogue, keeps <html lang> and the title in step, and
 * hands every component one Translate (useT). A switch keeps the language on show until the
 * new catalogue has come, and never remounts the page: the model and the image stay. A
 * catalogue that cannot be fetched leaves the page in the language it had, and the page
 * says so (useLangFailure).
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { english, LANG_NAMES, loadCatalogue, LOCALE_OF, makeTranslate, said, type Lang, type Said, type Translate } from './i18n';

const TranslateContext = createContext<Translate>(english);
const FailureContext = createContext<Lang | null>(null);

/** The page's Translate: its messages, numbers and percentages in the chosen language. */
export function useT(): Translate {
  return useContext(TranslateContext);
}

/** What the page says when the language asked for could not be fetched (it stays in the one it had), or null. */
export function useLangFailure(): Said | null {
  const failed = useContext(FailureContext);
  const shown = useT().lang;
  return useMemo(() => (failed ? said('lang.failed', { lang: LANG_NAMES[failed], shown: LANG_NAMES[shown] }) : null), [failed, shown]);
}

interface Props {
  readonly lang: Lang;
  readonly children: ReactNode;
}

export function I18n({ lang, children }: Props) {
  const [t, setT] = useState<Translate | null>(() => (lang === 'en' ? english : null));
  const [failed, setFailed] = useState<Lang | null>(null);
  // A language asked for again is tried again: its last failure is not said while it loads.
  const [asked, setAsked] = useState(lang);
  if (asked !== lang) {
    setAsked(lang);
    setFailed(null);
  }
  useEffect(() => {
    let live = true;
    if (t?.lang === lang) return undefined;
    loadCatalogue(lang).then(
      // Translate is a function: handed to setT as such, React would call it as an updater.
      (messages) => { if (live) setT(() => makeTranslate(lang, messages)); },
      () => {
        if (!live) return;
        setT((shown: Translate | null) => shown ?? english);
        setFailed(lang);
      },
    );
    return () => { live = false; };
  }, [lang, t]);
  useEffect(() => {
    if (!t) return;
    document.documentElement.lang = LOCALE_OF[t.lang];
    document.title = t('app.title');
  }, [t]);
  // The first Chinese render waits for its catalogue (a few ms from the same server) rather
  // than flashing English.
  if (!t) return null;
  return (
    <TranslateContext.Provider value={t}>
      <FailureContext.Provider value={failed === lang && t.lang !== lang ? failed : null}>{children}</FailureContext.Provider>
    </TranslateContext.Provider>
  );
}
