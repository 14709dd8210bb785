import type { NamedBlob, Sample } from '../view-data';
import { useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';

interface Props {
  readonly samples: readonly Sample[];
  readonly onFiles: (files: NamedBlob[]) => void;
  readonly onError: (message: string) => void;
  readonly disabled?: boolean;
  /** Said (through onError) when something is dropped while the zone is disabled. */
  readonly disabledReason?: string;
  /** Other ways in, beside the file button (the camera). */
  readonly actions?: ReactNode;
}

function fromFileList(list: FileList | null | undefined): NamedBlob[] {
  return Array.from(list ?? [], (file) => ({ name: file.name || 'pasted image', blob: file }));
}

/** Drop anywhere in the zone, pick a file, paste, or click a bundled sample. */
export function DropZone({ samples, onFiles, onError, disabled = false, disabledReason = 'Images cannot be classified right now.', actions = null }: Props) {
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const files = fromFileList(e.clipboardData?.files);
      if (files.length > 0 && !disabled) {
        e.preventDefault();
        onFiles(files);
      }
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [onFiles, disabled]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = fromFileList(e.dataTransfer.files);
    if (disabled) onError(disabledReason);
    else if (files.length > 0) onFiles(files);
    else onError('Nothing to classify was dropped: drop an image file (PNG, JPEG, WebP or GIF).');
  };

  const pickSample = async (sample: Sample) => {
    try {
      const response = await fetch(sample.url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      onFiles([{ name: sample.name, blob: await response.blob() }]);
    } catch (err) {
      onError(`The sample ${sample.name} could not be loaded (${err instanceof Error ? err.message : String(err)}).`);
    }
  };

  return (
    <section
      className={`drop-zone${over ? ' over' : ''}`}
      aria-label="Drop zone"
      data-testid="drop-zone"
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className="drop-title">Drop an image here</p>
      <p className="muted">or paste one, or choose a file:</p>
      <div className="drop-actions">
      <label className="file-button">
        <span>Choose image…</span>
        <input
          ref={input}
          type="file"
          accept="image/*"
          multiple
          aria-label="Image file"
          disabled={disabled}
          onChange={(e) => {
            onFiles(fromFileList(e.target.files));
            e.target.value = '';
          }}
        />
      </label>
      {actions}
      </div>
      <div className="samples" role="group" aria-label="Sample images">
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
