import type { ModelOrigin, PreprocessChoice } from '../../client/types';
import { LocalModelSettings, ModelOpening, type OpeningModel } from './LocalModelPanel';

interface Props {
  readonly opening: OpeningModel | null;
  readonly onCancel: () => void;
  /** The person's model on show, or null. */
  readonly shown: { readonly origin: ModelOrigin; readonly classes: number; readonly inputSize: number } | null;
  readonly onPreprocess: (choice: PreprocessChoice) => void;
  readonly onInputSize: (size: number) => void;
}

export { OpenModelButton } from './OpenModelButton';

/** Under the preset menu: a model file opening, and how the page reads images for it. */
export function ModelFileControls({ opening, onCancel, shown, onPreprocess, onInputSize }: Props) {
  if (!opening && !shown) return null;
  return (
    <div className="model-file">
      {opening && <ModelOpening {...opening} onCancel={onCancel} />}
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
