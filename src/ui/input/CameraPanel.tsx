/**
 * The camera as an input: a button that asks for it, then the live video, the rate at
 * which frames are answered, and Pause / Resume / Stop. The video is decoration for
 * screen readers (the predictions and the status say what matters).
 */
import type { RefObject } from 'react';

export interface CameraPanelProps {
  readonly state: 'off' | 'starting' | 'live' | 'paused';
  readonly fps: number | null;
  readonly videoRef: RefObject<HTMLVideoElement | null>;
  readonly onStart: () => void;
  readonly onPause: () => void;
  readonly onResume: () => void;
  readonly onStop: () => void;
  readonly disabled?: boolean;
}

function statusText(state: CameraPanelProps['state']): string {
  return { off: '', starting: 'Asking for the camera…', live: 'Camera on: classifying frame after frame.', paused: 'Paused on the last frame: inspect it like any image.' }[state];
}

export function CameraPanel({ state, fps, videoRef, onStart, onPause, onResume, onStop, disabled = false }: CameraPanelProps) {
  const on = state === 'live' || state === 'paused';
  return (
    <section className="camera" aria-label="Camera">
      {!on && (
        <p className="camera-start">
          <button type="button" onClick={onStart} disabled={disabled || state === 'starting'}>Use the camera</button>
          <span className="muted small"> Classifies what your camera sees; the browser asks first.</span>
        </p>
      )}
      <p className="camera-status small" role="status">{statusText(state)}</p>
      {on && (
        <>
          <video ref={videoRef} className="camera-video" muted playsInline aria-hidden="true" />
          <div className="camera-controls">
            <span className="camera-fps" aria-label="Frame rate">{fps === null ? '… frames per second' : `${fps.toFixed(1)} frames per second`}</span>
            {state === 'live'
              ? <button type="button" onClick={onPause}>Pause</button>
              : <button type="button" onClick={onResume}>Resume</button>}
            <button type="button" onClick={onStop}>Stop the camera</button>
          </div>
        </>
      )}
    </section>
  );
}
