import type { CamMap, RgbaImage } from '../view-data';
import { usePainted } from '../use-painted';
import { interpolateInferno, rgb } from 'd3';
import { useMemo, useRef } from 'react';
import { useT } from '../i18n/I18n';
import type { Said } from '../i18n/i18n';

interface Props {
  readonly name: string;
  readonly originalUrl: string | null;
  readonly original: { readonly width: number; readonly height: number };
  /** The image as the network sees it, after the resize. */
  readonly network: RgbaImage;
  readonly cam: CamMap | null;
  /** What was done to the image on the way in. */
  readonly notes: readonly Said[];
}

/** Normalises a CAM to 0..1 (negative evidence clipped) and colours it, half transparent. */
function camToRgba(cam: CamMap): ImageData {
  let max = 0;
  for (const v of cam.values) max = Math.max(max, v);
  const out = new ImageData(cam.width, cam.height);
  cam.values.forEach((v, i) => {
    const t = max > 0 ? Math.max(0, v) / max : 0;
    const { r, g, b } = rgb(interpolateInferno(t));
    out.data.set([r, g, b, Math.round(40 + 170 * t)], i * 4);
  });
  return out;
}

/** The original beside what the network sees, with the class activation map on top. */
export function ImagePanel({ name, originalUrl, original, network, cam, notes }: Props) {
  const t = useT();
  const netRef = useRef<HTMLCanvasElement>(null);
  const camRef = useRef<HTMLCanvasElement>(null);
  usePainted(netRef, network);
  const camImage = useMemo(() => (cam ? camToRgba(cam) : null), [cam]);
  usePainted(camRef, camImage);

  return (
    <section className="image-panel" aria-label={t('image.label')}>
      <figure>
        {originalUrl ? <img src={originalUrl} alt={t('image.original', { name })} /> : <div className="placeholder" />}
        <figcaption>{t('image.originalCaption', { width: String(original.width), height: String(original.height) })}</figcaption>
      </figure>
      <figure>
        <div className="stack">
          <canvas ref={netRef} role="img" aria-label={t('image.asNetwork', { name })} />
          <canvas
            ref={camRef}
            className={cam ? 'cam visible' : 'cam'}
            role="img"
            aria-label={cam ? t('image.camFor', { label: cam.label }) : t('image.noCam')}
            data-testid="cam-overlay"
          />
        </div>
        <figcaption>{cam ? t('image.whereSees', { label: cam.label }) : t('image.networkCaption', { width: String(network.width), height: String(network.height) })}</figcaption>
      </figure>
      {notes.length > 0 && (
        <ul className="notes">
          {notes.map((n) => t.said(n)).map((n) => <li key={n}>{n}</li>)}
        </ul>
      )}
    </section>
  );
}
