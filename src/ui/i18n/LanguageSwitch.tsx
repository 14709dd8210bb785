import { memo } from 'react';
import { LANG_NAMES, LANGS, type Lang } from './i18n';
import { useT } from './I18n';
import './i18n.css';

interface Props {
  readonly lang: Lang;
  readonly onLang: (lang: Lang) => void;
}

/** Two buttons, each language named in itself (a reader who cannot read the page can still find theirs). */
export const LanguageSwitch = memo(function LanguageSwitch({ lang, onLang }: Props) {
  const t = useT();
  return (
    <div className="language-switch" role="group" aria-label={t('lang.label')}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l === 'zh' ? 'zh-CN' : 'en'} aria-pressed={l === lang} onClick={() => onLang(l)}>
          {LANG_NAMES[l]}
        </button>
      ))}
    </div>
  );
});
