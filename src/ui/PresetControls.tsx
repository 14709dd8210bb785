import { memo, type ReactNode } from 'react';
import type { PresetName } from '../model/pure';
import { useT } from './i18n/I18n';

interface Props {
  readonly preset: PresetName;
  readonly seedLiteral: boolean;
  readonly onPreset: (preset: PresetName) => void;
  readonly onSeedLiteral: (literal: boolean) => void;
  /** A person's own model, once opened: its menu entry, and whether it is the one shown. */
  readonly local?: { readonly name: string; readonly active: boolean } | null;
  /** Chooses the person's model again from the menu. */
  readonly onLocal?: () => void;
  /** Beside the menu: the model file button. */
  readonly action?: ReactNode;
  /** Under the menu: the model file's progress and settings. */
  readonly children?: ReactNode;
}

const LOCAL = 'local';

const PRESETS: readonly PresetName[] = ['signs', 'imagenet'];

/** Preset and stage-5 variant switches, with the reasons students will ask about. */
export const PresetControls = memo(function PresetControls({ preset, seedLiteral, onPreset, onSeedLiteral, local = null, onLocal, action = null, children }: Props) {
  const t = useT();
  return (
    <fieldset className="controls">
      <legend>{t('preset.legend')}</legend>
      <div className="preset-row">
        <label>
          {t('preset.label')}{' '}
          <select
            value={local?.active ? LOCAL : preset}
            onChange={(e) => (e.target.value === LOCAL ? onLocal?.() : onPreset(e.target.value as PresetName))}
          >
            {PRESETS.map((p) => (
              <option key={p} value={p}>{t(p === 'signs' ? 'preset.signs' : 'preset.imagenet')}</option>
            ))}
            {local && <option value={LOCAL}>{t('preset.yourFile', { name: local.name })}</option>}
          </select>
        </label>
        {action}
      </div>
      {children}
      {/* A file fixes its own stage-5 widths: the switch is for the presets. */}
      {!local?.active && (
      <label className="check">
        <input type="checkbox" checked={seedLiteral} onChange={(e) => onSeedLiteral(e.target.checked)} />
        {t('preset.literal')}
      </label>
      )}
      {!local?.active && (
      <details className="note">
        <summary>{t('preset.why')}</summary>
        <p>{t('preset.whyText')}</p>
        {preset === 'imagenet' && <p>{t.rich('preset.imagenetText', { code: (chunks) => <code>{chunks}</code> })}</p>}
      </details>
      )}
    </fieldset>
  );
});
