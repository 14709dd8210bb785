/**
 * The camera as an input: a button that asks for it, then the live video, the rate at
 * which frames are answered, and Pause / Resume / Stop. The video is decoration for
 * screen readers (the predictions and the status say what matters).
 */
import type { RefObject } from 'react';

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

function statusText(state: CameraPanelProps['state']): string {
  return {
    off: '',
    starting: 'Asking for the camera…',
    live: 'Camera on: classifying frame after frame.',
    pausing: 'Pausing after the frame under way…',
    paused: 'Paused on the last frame: inspect it like any image.',
  }[state];
}

/** Beside "Choose image…": the camera is asked for only when this is pressed. */
export function CameraButton({ state, onStart, disabled = false }: Pick<CameraPanelProps, 'state' | 'onStart' | 'disabled'>) {
  if (state !== 'off' && state !== 'starting') return null;
  return (
    <button type="button" className="camera-button" onClick={onStart} disabled={disabled || state === 'starting'} title="Classify what your camera sees, frame after frame; the browser asks first">
      Use the camera
    </button>
  );
}

/** The live camera, once asked for: status, video, rate and controls. */
export function CameraPanel({ state, fps, videoRef, onPause, onResume, onStop }: Omit<CameraPanelProps, 'onStart' | 'disabled'>) {
  if (state === 'off') return null;
  const on = state !== 'starting';
  return (
    <section className="camera" aria-label="Camera">
      <p className="camera-status small" role="status">{statusText(state)}</p>
      {on && (
        <>
          <video ref={videoRef} className="camera-video" muted playsInline aria-hidden="true" />
          <div className="camera-controls">
            <span className="camera-fps" aria-label="Frame rate">{fps === null ? '… frames per second' : `${fps.toFixed(1)} frames per second`}</span>
            {state === 'live'
              ? <button type="button" onClick={onPause}>Pause</button>
              : <button type="button" onClick={onResume} disabled={state === 'pausing'}>Resume</button>}
            <button type="button" onClick={onStop}>Stop the camera</button>
          </div>
        </>
      )}
    </section>
  );
}
