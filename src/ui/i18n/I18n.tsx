/**
 * The page's language: loads its catalogue, keeps <html lang> and the title in step, and
 * hands every component one Translate (useT). A switch keeps the language on show until the
 * new catalogue has come, and never remounts the page: the model and the image stay.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { english, loadCatalogue, LOCALE_OF, makeTranslate, type Lang, type Translate } from './i18n';

const TranslateContext = createContext<Translate>(english);

/** The page's Translate: its messages, numbers and percentages in the chosen language. */
export function useT(): Translate {
  return useContext(TranslateContext);
}

interface Props {
  readonly lang: Lang;
  /** Told when a catalogue could not be fetched (the page stays in the language it had). */
  readonly onError?: (message: string) => void;
  readonly children: ReactNode;
}

export function I18n({ lang, onError, children }: Props) {
  const [t, setT] = useState<Translate | null>(() => (lang === 'en' ? english : null));
  useEffect(() => {
    let live = true;
    if (t?.lang === lang) return;
    loadCatalogue(lang).then(
      // Translate is a function: handed to setT as such, React would call it as an updater.
      (messages) => { if (live) setT(() => makeTranslate(lang, messages)); },
      () => {
        if (!live) return;
        setT((shown: Translate | null) => shown ?? english);
        onError?.(`The ${lang} messages could not be loaded, so the page stays in English. Reload to try again.`);
      },
    );
    return () => { live = false; };
  }, [lang, t, onError]);
  useEffect(() => {
    if (!t) return;
    document.documentElement.lang = LOCALE_OF[t.lang];
    document.title = t('app.title');
  }, [t]);
  // The first Chinese render waits for its catalogue (a few ms from the same server) rather
  // than flashing English.
  if (!t) return null;
  return <TranslateContext.Provider value={t}>{children}</TranslateContext.Provider>;
}
