import type { ReactNode } from 'react';
import type { LoadState, Prediction } from '../../client/types';
import { DropZone } from './DropZone';
import type { CamMap, NamedBlob, RgbaImage, Sample } from '../view-data';
import { ImagePanel } from './ImagePanel';
import { LoadProgress } from './LoadProgress';
import { Predictions } from './Predictions';
import { QueueStatus, type QueueProps } from './QueueStatus';
import { useT } from '../i18n/I18n';
import type { Said } from '../i18n/i18n';

export interface ShownImage {
  readonly name: string;
  readonly url: string | null;
  readonly width: number;
  readonly height: number;
  readonly notes: readonly Said[];
}

interface Props {
  readonly samples: readonly Sample[];
  readonly load: LoadState;
  readonly queue: QueueProps;
  readonly onFiles: (files: NamedBlob[]) => void;
  readonly onError: (message: Said) => void;
  readonly image: ShownImage | null;
  readonly networkView: RgbaImage | null;
  /** Null while the image re-runs on a newly chosen model. */
  readonly predictions: readonly Prediction[] | null;
  /** With blocks switched off: the intact network's answer (when known) and the blocks. */
  readonly intact?: readonly Prediction[] | null;
  readonly lesion?: readonly string[];
  readonly cam: CamMap | null;
  readonly camIndex: number | null;
  readonly onCam: (index: number | null) => void;
  readonly trained: boolean;
  /** Why images cannot be classified now (the weights failed to load); null when they can. */
  readonly classifyOff?: Said | null;
  /** Why a model gives no classes (saved without its head): its layers still run on images. */
  readonly noClasses?: string | null;
  /** A model's files dropped on the drop zone. */
  readonly onModelFiles?: (model: readonly NamedBlob[], labels: NamedBlob | null) => void;
  /** Beside the file button (the camera's), and under the drop zone (the camera itself). */
  readonly cameraButton?: ReactNode;
  readonly camera?: ReactNode;
  /** Shown under the predictions (the attribution panel). */
  readonly children?: ReactNode;
}

/** The left column: where images come in and predictions go out. */
export function InputColumn(props: Props) {
  const { image, networkView, predictions } = props;
  const t = useT();
  return (
    <div className="input-column">
      <DropZone
        samples={props.samples}
        onFiles={props.onFiles}
        onError={props.onError}
        disabled={Boolean(props.classifyOff)}
        disabledReason={props.classifyOff ?? undefined}
        actions={props.cameraButton}
        onModelFiles={props.onModelFiles}
      />
      {props.camera}
      {props.classifyOff && <p className="muted classify-off">{t.said(props.classifyOff)}</p>}
      <LoadProgress load={props.load} />
      <QueueStatus {...props.queue} />
      {/* The answer first, then the picture it is about: the top-5 stays in view at 1280x800. */}
      {props.noClasses ? (
        <p className="muted classify-off" data-testid="no-classes">{t('input.noClasses', { reason: props.noClasses })}</p>
      ) : predictions ? (
        <Predictions predictions={predictions} camIndex={props.camIndex} onCam={props.onCam} trained={props.trained} intact={props.intact} lesion={props.lesion} file={image?.name} />
      ) : (
        image && props.queue.busy && <p className="muted" aria-live="polite">{t('input.running')}</p>
      )}
      {image && networkView && (
        <ImagePanel
          name={image.name}
          originalUrl={image.url}
          original={image}
          network={networkView}
          cam={props.cam}
          notes={image.notes}
        />
      )}
      {props.children}
    </div>
  );
}
