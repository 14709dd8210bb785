import { useState } from 'react';
import type { LoadProgress, ModelOrigin, PreprocessChoice } from '../../client/types';
import { understoodText } from './origin-text';
import { PREPROCESS_CHOICES } from '../../model/pure';
import { useT } from '../i18n/I18n';


/** A model file being opened: its main file's name, and the engine's progress (null before any). */
export interface OpeningModel {
  readonly name: string;
  readonly progress: LoadProgress | null;
  /** Given before the engine was ready: it opens once the engine has started. */
  readonly waiting: boolean;
}

interface OpeningProps extends OpeningModel {
  readonly onCancel: () => void;
}

/** The file being opened, how far it has got, and a way to stop (what was shown stays). */
export function ModelOpening({ name, progress, waiting, onCancel }: OpeningProps) {
  const t = useT();
  const phase = t(`mf.phase.${waiting ? 'waiting' : progress ? progress.phase : 'downloading'}` as const);
  const counted = progress?.phase === 'decoding' && progress.totalBytes > 0 && progress.loadedBytes > 0;
  return (
    <div className="load-progress model-opening">
      <label htmlFor="model-file-progress">{t('mf.opening', { name, phase })}</label>
      <progress
        id="model-file-progress"
        aria-label={t('mf.loading')}
        max={counted ? progress.totalBytes : undefined}
        value={counted ? progress.loadedBytes : undefined}
      />
      <button type="button" onClick={onCancel}>{t('mf.cancel')}</button>
    </div>
  );
}

interface SettingsProps {
  readonly origin: ModelOrigin;
  readonly classes: number;
  readonly inputSize: number;
  readonly onPreprocess: (choice: PreprocessChoice) => void;
  readonly onInputSize: (size: number) => void;
  readonly busy: boolean;
}

function InputSize({ size, onApply, busy }: { readonly size: number; readonly onApply: (size: number) => void; readonly busy: boolean }) {
  const t = useT();
  const [text, setText] = useState(String(size));
  const value = Number(text);
  const valid = Number.isInteger(value) && value >= 32 && value <= 1024;
  return (
    <form className="input-size" onSubmit={(e) => { e.preventDefault(); if (valid) onApply(value); }}>
      <label>
        {t('mf.inputSize')}{' '}
        <input type="number" min={32} max={1024} step={1} value={text} onChange={(e) => setText(e.target.value)} aria-describedby="input-size-note" />
      </label>
      <button type="submit" disabled={!valid || value === size || busy}>{t('mf.apply')}</button>
      <span id="input-size-note" className="muted">{t(valid ? 'mf.sizeNote' : 'mf.sizeBad')}</span>
    </form>
  );
}

/** How the page reads the person's model, with what they may change: preprocessing, and the input size when the file leaves it open. */
export function LocalModelSettings({ origin, classes, inputSize, onPreprocess, onInputSize, busy }: SettingsProps) {
  const t = useT();
  return (
    <div className="local-model" aria-label={t('mf.yours')} role="group">
      <p className="muted">{understoodText(origin, classes, inputSize, t)}</p>
      <label>
        {t('mf.preprocessing')}{' '}
        <select value={origin.preprocess} disabled={busy} onChange={(e) => onPreprocess(e.target.value as PreprocessChoice)}>
          {PREPROCESS_CHOICES.map((p) => <option key={p} value={p}>{t(`mf.pre.${p}`)}</option>)}
        </select>
      </label>
      {!origin.inputSizeFromFile && <InputSize key={inputSize} size={inputSize} onApply={onInputSize} busy={busy} />}
    </div>
  );
}
