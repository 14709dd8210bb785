import type { NamedBlob } from '../view-data';
import { sortDrop } from '../input/model-files';
import { useT } from '../i18n/I18n';
import { said, type Said } from '../i18n/i18n';

interface Props {
  readonly onModel: (files: readonly NamedBlob[], labels: NamedBlob | null) => void;
  readonly onError: (message: Said) => void;
}

/** "Open a model…": a Keras file, or a tfjs model.json with its shards, and optionally a labels file (kept until the engine is ready, when it is not yet). */
export function OpenModelButton({ onModel, onError }: Props) {
  const t = useT();
  return (
    <label className="file-button secondary">
      <span>{t('mf.open')}</span>
      <input
        type="file"
        multiple
        accept=".keras,.h5,.hdf5,.json,.bin,.txt"
        aria-label={t('mf.file')}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? [], (file) => ({ name: file.name, blob: file }));
          e.target.value = '';
          if (files.length === 0) return;
          const { model, labels } = sortDrop(files);
          if (model.length === 0) onError(said('mf.notAModel'));
          else onModel(model, labels);
        }}
      />
    </label>
  );
}
