/**
 * Live input: frames from the camera, classified one after another. The camera is asked for
 * only when the person presses the button. The next frame is taken from the video only when
 * the last one has been answered, so the newest frame always wins and nothing piles up; the
 * rate shown is answers per second. Pausing keeps the last frame's result on show, so the
 * inspector, the CAM and the attributions work on it as on any image.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { SetNotice } from './use-read-error';
import type { Classifier } from './use-classifier';
import { said, type Said } from '../ui/i18n/i18n';

/** `pausing`: Pause was pressed while a frame was on its way; its answer is the paused frame. */
export type CameraState = 'off' | 'starting' | 'live' | 'pausing' | 'paused';

export interface Camera {
  readonly state: CameraState;
  /** Frames answered per second over the last few, or null before two answers. */
  readonly fps: number | null;
  readonly videoRef: RefObject<HTMLVideoElement | null>;
  start(): void;
  pause(): void;
  resume(): void;
  stop(): void;
}

/** The longer side of a frame as it is handed in (the network reads 224 or 64 anyway). */
const FRAME_SIDE = 448;
const FPS_WINDOW = 8;
const FRAME_PREFIX = 'camera frame ';

/** What went wrong, in words a person can act on. */
export function cameraError(error: unknown): Said {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return said('camera.notAllowed');
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return said('camera.notFound');
  if (name === 'NotReadableError') return said('camera.notReadable');
  return said('camera.failed', { reason: error instanceof Error ? error.message : String(error) });
}

function grabFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement) {
  const scale = Math.min(1, FRAME_SIDE / Math.max(video.videoWidth, video.videoHeight));
  const width = Math.max(1, Math.round(video.videoWidth * scale));
  const height = Math.max(1, Math.round(video.videoHeight * scale));
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(video, 0, 0, width, height);
  return { width, height, pixels: ctx.getImageData(0, 0, width, height).data, notes: [said('note.cameraFrame')] };
}

export function useCamera(classifier: Classifier, onNotice: SetNotice): Camera {
  const [state, setState] = useState<CameraState>('off');
  const [fps, setFps] = useState<number | null>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const frame = useRef({ next: 1, pending: null as string | null, answered: [] as number[] });

  const stop = useCallback(() => {
    stream.current?.getTracks().forEach((t) => t.stop());
    stream.current = null;
    frame.current.pending = null;
    setState('off');
    setFps(null);
  }, []);

  const start = useCallback(() => {
    const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
    if (!media?.getUserMedia) {
      onNotice(said('camera.none'));
      return;
    }
    setState('starting');
    media.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 } }, audio: false }).then((s) => {
      stream.current = s;
      frame.current = { next: 1, pending: null, answered: [] };
      setState('live');
    }, (error: unknown) => {
      setState('off');
      onNotice(cameraError(error));
    });
  }, [onNotice]);

  // The stream goes to the video once the video is on the page.
  useEffect(() => {
    const video = videoRef.current;
    if (state !== 'live' || !video || !stream.current || video.srcObject === stream.current) return;
    video.srcObject = stream.current;
    void video.play().catch(() => undefined);
  }, [state]);

  const { result, busy, error, submitFrame } = classifier;
  // An answer (or a failure) for the frame in flight frees the camera for the next one.
  useEffect(() => {
    const f = frame.current;
    if (f.pending === null) return;
    if (result?.name === f.pending) {
      f.answered = [...f.answered, performance.now()].slice(-FPS_WINDOW);
      const span = (f.answered[f.answered.length - 1] - f.answered[0]) / 1000;
      if (f.answered.length > 1 && span > 0) setFps((f.answered.length - 1) / span);
      f.pending = null;
      setState((s) => (s === 'pausing' ? 'paused' : s));
    } else if (error) {
      f.pending = null;
      setState((s) => (s === 'pausing' ? 'paused' : s));
    }
  }, [result, error]);

  // Live and idle: take the video's current frame and send it.
  useEffect(() => {
    const video = videoRef.current;
    const f = frame.current;
    if (state !== 'live' || busy || f.pending !== null || !video) return undefined;
    let handle = 0;
    const send = () => {
      if (video.readyState < 2 || video.videoWidth === 0) { handle = requestAnimationFrame(send); return; }
      canvas.current ??= document.createElement('canvas');
      const image = grabFrame(video, canvas.current);
      if (!image) return;
      const name = `${FRAME_PREFIX}${f.next++}`;
      f.pending = name;
      submitFrame(name, image);
    };
    handle = requestAnimationFrame(send);
    return () => cancelAnimationFrame(handle);
  }, [state, busy, result, error, submitFrame]);

  useEffect(() => () => stream.current?.getTracks().forEach((t) => t.stop()), []);

  // Paused, the video holds still too, near the frame whose answer stays on show.
  const pause = useCallback(() => {
    videoRef.current?.pause();
    const waiting = frame.current.pending !== null;
    setState((s) => (s === 'live' ? (waiting ? 'pausing' : 'paused') : s));
  }, []);
  const resume = useCallback(() => { void videoRef.current?.play().catch(() => undefined); setState((s) => (s === 'paused' ? 'live' : s)); }, []);
  return { state, fps, videoRef, start, pause, resume, stop };
}
