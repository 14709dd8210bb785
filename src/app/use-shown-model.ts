/**
 * The model on show: the preset from the address, or a person's own model opened from
 * files, which takes its place until a preset is chosen again. The preset stays open
 * underneath (switching back is instant); the file model is closed, every tensor of it,
 * when the person goes back to a preset.
 */
import { useCallback, useMemo } from 'react';
import type { LoadState, ModelClient } from '../client/types';
import { planSummary, presetConfig, type ModelSummary, type PresetName } from '../model/pure';
import { useT } from '../ui/i18n/I18n';
import { originLine } from '../ui/model-file/origin-text';
import { useLocalModelInUrl } from './local-model-url';
import { useFileModel, type FileModel } from './use-file-model';
import { useModel, type ModelHandle } from './use-model';
import type { UrlStore } from './url-state';

export interface ShownModel {
  readonly handle: ModelHandle | null;
  /** The preset's loading; a file model's opening is `file.opening`. */
  readonly load: LoadState;
  readonly summary: ModelSummary;
  /** Which model is on show: a result of another is not shown as this one's. */
  readonly key: string;
  readonly file: FileModel;
  /** For Diagnostics: where the model on show came from, for a file model. */
  readonly origin: string | null;
  /** Why the model on show gives no classes, or null. */
  readonly noClasses: string | null;
  /** Chooses a preset from the menu: a file model on show is closed first. */
  readonly onPreset: (preset: PresetName) => void;
}

const READY: LoadState = { phase: 'ready', loadedBytes: 0, totalBytes: 0, message: null };
const REOPENING: LoadState = { phase: 'building', loadedBytes: 0, totalBytes: 0, message: null };

export function useShownModel(client: ModelClient | null, urlStore: UrlStore, preset: PresetName, seedLiteral: boolean, epoch: number): ShownModel {
  const t = useT();
  const presetModel = useModel(client, preset, seedLiteral, epoch);
  const file = useFileModel(client, epoch);
  const local = file.handle;
  useLocalModelInUrl(local !== null);
  // The architecture needs no weights: the graph and summary show at once, from the plan
  // (the engine's own summary of a preset is the same, layer by layer: model/plan.test.ts).
  const presetSummary = useMemo(() => planSummary(presetConfig(preset, { seedLiteral })), [preset, seedLiteral]);
  const { close } = file;
  const onPreset = useCallback((p: PresetName) => {
    close();
    urlStore.update({ preset: p });
  }, [close, urlStore]);
  if (local) {
    // Being opened again on a fresh engine: shown as it was, with nothing to run until it is open.
    return {
      handle: file.reopening ? null : local, load: file.reopening ? REOPENING : READY, summary: local.model.summary, key: local.key, file,
      origin: originLine(local.model.origin, t), noClasses: local.model.origin.noClasses, onPreset,
    };
  }
  return {
    handle: presetModel.handle, load: presetModel.load, summary: presetSummary, key: `${preset}:${seedLiteral}`, file,
    origin: null, noClasses: null, onPreset,
  };
}
