import type { NamedBlob, Sample } from '../view-data';
import { sortDrop } from './model-files';
import { useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useT } from '../i18n/I18n';
import { said, type Said } from '../i18n/i18n';

interface Props {
  readonly samples: readonly Sample[];
  readonly onFiles: (files: NamedBlob[]) => void;
  readonly onError: (message: Said) => void;
  readonly disabled?: boolean;
  /** Said (through onError) when something is dropped while the zone is disabled. */
  readonly disabledReason?: Said;
  /** Other ways in, beside the file button (the camera). */
  readonly actions?: ReactNode;
  /** A model's files dropped here (a Keras file, or model.json and its shards, with any labels file). */
  readonly onModelFiles?: (model: readonly NamedBlob[], labels: NamedBlob | null) => void;
}

function fromFileList(list: FileList | null | undefined, pasted: string): NamedBlob[] {
  return Array.from(list ?? [], (file) => ({ name: file.name || pasted, blob: file }));
}

/** Drop anywhere in the zone, pick a file, paste, or click a bundled sample. */
export function DropZone({ samples, onFiles, onError, disabled = false, disabledReason, actions = null, onModelFiles }: Props) {
  const t = useT();
  const pasted = t('drop.pasted');
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const files = fromFileList(e.clipboardData?.files, pasted);
      if (files.length > 0 && !disabled) {
        e.preventDefault();
        onFiles(files);
      }
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [onFiles, disabled, pasted]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const dropped = fromFileList(e.dataTransfer.files, pasted);
    // A model goes to the model path (even while images cannot run); images beside it still run.
    const sorted = onModelFiles ? sortDrop(dropped) : null;
    if (sorted && sorted.model.length > 0) onModelFiles?.(sorted.model, sorted.labels);
    const files = sorted && sorted.model.length > 0 ? [...sorted.images] : dropped;
    if (sorted && sorted.model.length > 0 && files.length === 0) return;
    if (disabled) onError(disabledReason ?? said('drop.disabled'));
    else if (files.length > 0) onFiles(files);
    else onError(said('drop.nothing'));
  };

  const pickSample = async (sample: Sample) => {
    try {
      const response = await fetch(sample.url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      onFiles([{ name: sample.name, blob: await response.blob() }]);
    } catch (err) {
      onError(said('drop.sampleFailed', { name: sample.name, reason: err instanceof Error ? err.message : String(err) }));
    }
  };

  return (
    <section
      className={`drop-zone${over ? ' over' : ''}`}
      aria-label={t('drop.label')}
      data-testid="drop-zone"
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className="drop-title">{t(onModelFiles ? 'drop.titleModel' : 'drop.title')}</p>
      <p className="muted">{t('drop.or')}</p>
      <div className="drop-actions">
      <label className="file-button">
        <span>{t('drop.choose')}</span>
        <input
          ref={input}
          type="file"
          accept="image/*"
          multiple
          aria-label={t('drop.fileInput')}
          disabled={disabled}
          onChange={(e) => {
            onFiles(fromFileList(e.target.files, pasted));
            e.target.value = '';
          }}
        />
      </label>
      {actions}
      </div>
      <div className="samples" role="group" aria-label={t('drop.samples')}>
        {samples.map((s) => (
          <button key={s.name} type="button" className="sample" onClick={() => void pickSample(s)} disabled={disabled}>
            <img src={s.url} alt="" width={72} height={48} />
            <span>{s.label}</span>
          </button>
        ))}
      </div>
    </section>
  );
}
