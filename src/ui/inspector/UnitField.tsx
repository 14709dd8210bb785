import { useContext, useMemo, useRef } from 'react';
import { unitRegion, type ReceptiveField, type UnitRegion } from '../../explain/receptive-field';
import type { RgbaImage } from '../view-data';
import type { Cell } from './channels';
import { usePainted } from '../use-painted';
import { EffectiveFieldContext, type EffectiveFieldApi } from './effective-field';
import { heatImage, heatScale } from '../explain/heat';
import { useT } from '../i18n/I18n';
import type { Translate } from '../i18n/i18n';

interface Props {
  /** The theoretical receptive field of the layer being shown. */
  readonly field: ReceptiveField;
  /** The unit picked on the map (zero-based), or none yet. */
  readonly cell: Cell | null;
  /** The network's input, as it saw it; null before an image has run. */
  readonly input: RgbaImage | null;
}

/** A region as a percentage box over an image of `width` x `height` pixels. */
function boxStyle(region: UnitRegion, width: number, height: number) {
  return {
    left: `${(region.x0 / width) * 100}%`,
    top: `${(region.y0 / height) * 100}%`,
    width: `${(region.width / width) * 100}%`,
    height: `${(region.height / height) * 100}%`,
  };
}

function describe(field: ReceptiveField, cell: Cell, region: UnitRegion, width: number, height: number, t: Translate): string {
  const n = (v: number) => String(v);
  return t('field.where', {
    row: n(cell.row + 1), col: n(cell.col + 1), r0: n(region.y0 + 1), r1: n(region.y1 + 1), c0: n(region.x0 + 1), c1: n(region.x1 + 1),
    w: n(region.width), h: n(region.height), clipped: region.width < field.size || region.height < field.size ? 'yes' : 'no',
    size: n(field.size), iw: n(width), ih: n(height),
  });
}

/**
 * The input region one unit of the map can see (its theoretical receptive field), drawn on
 * the network's input, with the field's size, jump and offset. Counting from 1, as the map's
 * readout does.
 */
export function UnitField({ field, cell, input }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const t = useT();
  usePainted(ref, input);
  const width = input?.width ?? 0;
  const height = input?.height ?? 0;
  let region: UnitRegion | null = null;
  let problem: string | null = null;
  if (cell && input) {
    try {
      region = unitRegion(field, cell.row, cell.col, [height, width]);
    } catch (err) {
      problem = err instanceof Error ? err.message : String(err);
    }
  }
  const effective = useEffective(field.name, cell, t);
  const facts = t('field.facts', { size: String(field.size), jump: String(field.jump), offset: String(field.padding) });
  return (
    <figure className="insp-field" aria-label={t('field.label')}>
      <figcaption className="insp-field-facts">{facts}</figcaption>
      {input ? (
        <div className="insp-field-map" style={{ aspectRatio: `${width} / ${height}` }}>
          <canvas ref={ref} role="img" aria-label={t('field.input', { w: String(width), h: String(height), outlined: region ? 'yes' : 'no' })} />
          {effective.map && <EffectiveMap map={effective.map} />}
          {region && <span className="insp-field-box" style={boxStyle(region, width, height)} aria-hidden="true" />}
        </div>
      ) : null}
      <p className="insp-field-text" aria-live="polite">
        {!input
          ? t('field.run')
          : region && cell
            ? describe(field, cell, region, width, height, t)
            : problem ?? t('field.pick')}
      </p>
      {effective.api && region && cell && (
        <div className="insp-field-effective">
          <button type="button" disabled={effective.api.running} onClick={() => effective.api?.run({ layer: field.name, row: cell.row, col: cell.col })}>
            {t(effective.api.running ? 'field.working' : 'field.show')}
          </button>
          <p aria-live="polite">{effective.text}</p>
        </div>
      )}
    </figure>
  );
}

interface EffectiveState {
  readonly api: EffectiveFieldApi | null;
  /** The map to draw, when the field shown is this unit's. */
  readonly map: { readonly values: Float32Array; readonly width: number; readonly height: number } | null;
  readonly text: string;
}

/** The effective field, when the one made is for this layer and unit. */
function useEffective(layer: string, cell: Cell | null, t: Translate): EffectiveState {
  const api = useContext(EffectiveFieldContext);
  const shown = api?.shown;
  const mine = shown && cell && shown.request.layer === layer && shown.request.row === cell.row && shown.request.col === cell.col ? shown.value : null;
  if (!mine) {
    return { api, map: null, text: t('field.gradient') };
  }
  const text = t('field.effective', { m50: String(mine.mass50), m90: String(mine.mass90), size: String(mine.theoretical.size) });
  return { api, map: { values: mine.values, height: mine.shape[0], width: mine.shape[1] }, text };
}

/** The effective field's heat map over the input. */
function EffectiveMap({ map }: { readonly map: { readonly values: Float32Array; readonly width: number; readonly height: number } }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const heat = useMemo(
    () => ({ width: map.width, height: map.height, data: heatImage(map.values, map.width, map.height, heatScale(map.values, false, 0.999)) }),
    [map],
  );
  usePainted(ref, heat);
  const t = useT();
  return <canvas ref={ref} className="insp-field-heat" role="img" aria-label={t('field.heat')} />;
}
