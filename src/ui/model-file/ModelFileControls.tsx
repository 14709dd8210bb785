import type { LoadProgress, ModelOrigin, PreprocessChoice } from '../../client/types';
import type { NamedBlob } from '../view-data';
import { LocalModelSettings, ModelOpening } from './LocalModelPanel';
import { OpenModelButton } from './OpenModelButton';

interface Props {
  readonly onModel: (files: readonly NamedBlob[], labels: NamedBlob | null) => void;
  readonly onError: (message: string) => void;
  readonly opening: { readonly name: string; readonly progress: LoadProgress | null } | null;
  readonly onCancel: () => void;
  /** The person's model on show, or null. */
  readonly shown: { readonly origin: ModelOrigin; readonly classes: number; readonly inputSize: number } | null;
  readonly onPreprocess: (choice: PreprocessChoice) => void;
  readonly onInputSize: (size: number) => void;
  readonly disabled?: boolean;
}

/** Under the preset menu: open a model file, watch it open, and set how it reads images. */
export function ModelFileControls({ onModel, onError, opening, onCancel, shown, onPreprocess, onInputSize, disabled = false }: Props) {
  return (
    <div className="model-file">
      <OpenModelButton onModel={onModel} onError={onError} disabled={disabled} />
      {opening && <ModelOpening name={opening.name} progress={opening.progress} onCancel={onCancel} />}
      {shown && (
        <LocalModelSettings
          origin={shown.origin}
          classes={shown.classes}
          inputSize={shown.inputSize}
          onPreprocess={onPreprocess}
          onInputSize={onInputSize}
          busy={opening !== null}
        />
      )}
    </div>
  );
}
