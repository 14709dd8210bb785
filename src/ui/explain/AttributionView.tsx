import { useId, useMemo, useRef, useState } from 'react';
import type { Attribution } from '../../client/types';
import { encodeNpy } from '../../inspect/npy';
import { download, downloadCanvas } from '../export/download';
import { usePainted } from '../use-painted';
import { formatValue } from '../inspector/format';
import type { RgbaImage } from '../view-data';
import { heatGradient, heatImage, heatScale, type HeatScale } from './heat';
import { useT } from '../i18n/I18n';

/** Above this completeness gap, integrated gradients needs more steps. */
export const GAP_LIMIT = 0.05;

export const METHOD_NAMES: Record<Attribution['method'], string> = {
  gradcam: 'Grad-CAM',
  saliency: 'Saliency',
  smoothgrad: 'SmoothGrad',
  ig: 'Integrated gradients',
};

interface Props {
  readonly attribution: Attribution;
  /** The network's input the map is drawn over. */
  readonly input: RgbaImage;
  /** Integrated gradients: the steps it ran with (for the advice under its gap). */
  readonly steps?: number;
  /** A newer map is being made: this one is kept, dimmed. */
  readonly stale: boolean;
}

/** The map at the input's size: Grad-CAM's upsampled copy, or the map itself. */
function displayed(a: Attribution): { values: Float32Array; width: number; height: number } {
  const map = a.inputMap ?? { shape: a.shape, values: a.values };
  return { values: map.values, height: map.shape[0], width: map.shape[1] };
}

function fileStem(a: Attribution): string {
  return `${a.method}-${a.layer}-class${a.classIndex}`.replace(/[^\w.-]+/g, '_');
}

/** The map over the input (opacity set by a slider), its legend, its facts and its downloads. */
export function AttributionView({ attribution: a, input, steps, stale }: Props) {
  const t = useT();
  const [opacity, setOpacity] = useState(0.75);
  const imageRef = useRef<HTMLCanvasElement>(null);
  const mapRef = useRef<HTMLCanvasElement>(null);
  const sliderId = useId();
  const map = useMemo(() => displayed(a), [a]);
  // Gradient maps are clipped at their 99th percentile; Grad-CAM is shown to its maximum.
  const scale = useMemo(() => heatScale(map.values, a.method === 'ig', a.method === 'gradcam' ? null : 0.99), [a, map]);
  const heat = useMemo(() => ({ width: map.width, height: map.height, data: heatImage(map.values, map.width, map.height, scale) }), [map, scale]);
  usePainted(imageRef, input);
  usePainted(mapRef, heat);

  const savePng = () => {
    const canvas = document.createElement('canvas');
    canvas.width = input.width;
    canvas.height = input.height;
    const ctx = canvas.getContext('2d');
    if (!ctx || !imageRef.current || !mapRef.current) return;
    ctx.drawImage(imageRef.current, 0, 0);
    ctx.globalAlpha = opacity;
    ctx.drawImage(mapRef.current, 0, 0, input.width, input.height);
    downloadCanvas(canvas, `${fileStem(a)}.png`);
  };
  const saveNpy = () => download(new Blob([encodeNpy(a.values, a.shape)], { type: 'application/octet-stream' }), `${fileStem(a)}.npy`);
  const method = t.lang === 'en' ? METHOD_NAMES[a.method] : t(`method.${a.method}`);
  const title = t('explain.mapTitle', { method, gradcam: a.method === 'gradcam' ? 'yes' : 'no', layer: a.layer, label: a.label });

  return (
    <figure className={stale ? 'explain-view is-stale' : 'explain-view'} aria-label={t('explain.map')} aria-busy={stale}>
      <figcaption className="explain-title">{title}</figcaption>
      <div className="explain-stack" style={{ aspectRatio: `${input.width} / ${input.height}` }}>
        <canvas ref={imageRef} aria-hidden="true" />
        <canvas ref={mapRef} role="img" aria-label={t('explain.overInput', { title })} style={{ opacity }} />
      </div>
      <HeatLegend scale={scale} />
      <div className="explain-row">
        <label htmlFor={sliderId}>{t('explain.opacity')}</label>
        <input id={sliderId} type="range" min={0} max={1} step={0.05} value={opacity} onChange={(e) => setOpacity(Number(e.target.value))} />
      </div>
      <p className="explain-facts">
        {t('explain.facts', { logit: formatValue(a.logit), shape: a.shape.join(' × '), min: formatValue(a.min), max: formatValue(a.max) })}
      </p>
      {a.completenessGap !== null && <Completeness gap={a.completenessGap} steps={steps} />}
      <div className="explain-row">
        <button type="button" onClick={savePng}>{t('explain.png')}</button>
        <button type="button" onClick={saveNpy}>{t('explain.npy')}</button>
      </div>
    </figure>
  );
}

function Completeness({ gap, steps }: { readonly gap: number; readonly steps?: number }) {
  const t = useT();
  const percent = t.percent(gap, gap < 0.001 ? 3 : 1);
  return (
    <p className={gap > GAP_LIMIT ? 'explain-gap is-high' : 'explain-gap'}>
      {t('explain.gap', { percent })}
      {gap > GAP_LIMIT && t('explain.gapHigh', { steps: steps ? String(steps) : 'none' })}
    </p>
  );
}

function HeatLegend({ scale }: { readonly scale: HeatScale }) {
  const t = useT();
  const clip = scale.clipped ? t('explain.clipped') : '';
  const words = scale.signed
    ? t('explain.signed', { low: formatValue(scale.low), high: formatValue(scale.high), clip })
    : t('explain.unsigned', { high: formatValue(scale.high), clip });
  return (
    <div className="explain-legend" role="img" aria-label={t('explain.scale', { words })}>
      <div className="explain-legend-bar" style={{ backgroundImage: heatGradient(scale.signed) }} />
      <div className="explain-legend-ends" aria-hidden="true">
        <span>{scale.signed ? t('explain.against', { value: `${scale.clipped ? '≤ ' : ''}${formatValue(scale.low)}` }) : '0'}</span>
        {scale.signed && <span>0</span>}
        <span>{scale.signed ? t('explain.for', { value: `${scale.clipped ? '≥ ' : ''}${formatValue(scale.high)}` }) : `${scale.clipped ? '≥ ' : ''}${formatValue(scale.high)}`}</span>
      </div>
    </div>
  );
}
