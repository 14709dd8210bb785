/**
 * The camera as an input: a button that asks for it, then the live video, the rate at
 * which frames are answered, and Pause / Resume / Stop. The video is decoration for
 * screen readers (the predictions and the status say what matters).
 */
import type { RefObject } from 'react';
import { useT } from '../i18n/I18n';
import type { Translate } from '../i18n/i18n';

export interface CameraPanelProps {
  readonly state: 'off' | 'starting' | 'live' | 'pausing' | 'paused';
  readonly fps: number | null;
  readonly videoRef: RefObject<HTMLVideoElement | null>;
  readonly onStart: () => void;
  readonly onPause: () => void;
  readonly onResume: () => void;
  readonly onStop: () => void;
  readonly disabled?: boolean;
}

function statusText(state: CameraPanelProps['state'], t: Translate): string {
  return state === 'off' ? '' : t(`camera.${state}`);
}

/** Beside "Choose image…": the camera is asked for only when this is pressed. */
export function CameraButton({ state, onStart, disabled = false }: Pick<CameraPanelProps, 'state' | 'onStart' | 'disabled'>) {
  const t = useT();
  if (state !== 'off' && state !== 'starting') return null;
  return (
    <button type="button" className="camera-button" onClick={onStart} disabled={disabled || state === 'starting'} title={t('camera.buttonTitle')}>
      {t('camera.button')}
    </button>
  );
}

/** The live camera, once asked for: status, video, rate and controls. */
export function CameraPanel({ state, fps, videoRef, onPause, onResume, onStop }: Omit<CameraPanelProps, 'onStart' | 'disabled'>) {
  const t = useT();
  if (state === 'off') return null;
  const on = state !== 'starting';
  return (
    <section className="camera" aria-label={t('camera.label')}>
      <p className="camera-status small" role="status">{statusText(state, t)}</p>
      {on && (
        <>
          <video ref={videoRef} className="camera-video" muted playsInline aria-hidden="true" />
          <div className="camera-controls">
            <span className="camera-fps" aria-label={t('camera.fpsLabel')}>{fps === null ? t('camera.fpsUnknown') : t('camera.fps', { fps: t.number(fps, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })}</span>
            {state === 'live'
              ? <button type="button" onClick={onPause}>{t('camera.pause')}</button>
              : <button type="button" onClick={onResume} disabled={state === 'pausing'}>{t('camera.resume')}</button>}
            <button type="button" onClick={onStop}>{t('camera.stop')}</button>
          </div>
        </>
      )}
    </section>
  );
}
