import { useContext, useMemo, useRef } from 'react';
import { unitRegion, type ReceptiveField, type UnitRegion } from '../../explain/receptive-field';
import type { RgbaImage } from '../view-data';
import type { Cell } from './channels';
import { usePainted } from '../use-painted';
import { EffectiveFieldContext, type EffectiveFieldApi } from './effective-field';
import { heatImage, heatScale } from '../explain/heat';

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

function describe(field: ReceptiveField, cell: Cell, region: UnitRegion, width: number, height: number): string {
  const where = `The unit at row ${cell.row + 1}, column ${cell.col + 1}`;
  const rows = `rows ${region.y0 + 1}–${region.y1 + 1}`;
  const cols = `columns ${region.x0 + 1}–${region.x1 + 1}`;
  const clipped = region.width < field.size || region.height < field.size
    ? `; the rest of its ${field.size} × ${field.size} field falls on the padding outside the ${width} × ${height} input`
    : '';
  return `${where} sees input ${rows}, ${cols} (${region.width} × ${region.height} pixels${clipped}).`;
}

/**
 * The input region one unit of the map can see (its theoretical receptive field), drawn on
 * the network's input, with the field's size, jump and offset. Counting from 1, as the map's
 * readout does.
 */
export function UnitField({ field, cell, input }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
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
  const effective = useEffective(field.name, cell);
  const facts = `Receptive field ${field.size} × ${field.size} pixels, jump ${field.jump} (one unit to the next moves ${field.jump} input pixels), offset ${field.padding}.`;
  return (
    <figure className="insp-field" aria-label="Receptive field">
      <figcaption className="insp-field-facts">{facts}</figcaption>
      {input ? (
        <div className="insp-field-map" style={{ aspectRatio: `${width} / ${height}` }}>
          <canvas ref={ref} role="img" aria-label={`The network's ${width} × ${height} input${region ? ', with the unit’s field outlined' : ''}`} />
          {effective.map && <EffectiveMap map={effective.map} />}
          {region && <span className="insp-field-box" style={boxStyle(region, width, height)} aria-hidden="true" />}
        </div>
      ) : null}
      <p className="insp-field-text" aria-live="polite">
        {!input
          ? 'Run an image to see the region of it each unit can see.'
          : region && cell
            ? describe(field, cell, region, width, height)
            : problem ?? 'Pick a unit on the map (point, click, or the arrow keys) to outline the input region it can see.'}
      </p>
      {effective.api && region && cell && (
        <div className="insp-field-effective">
          <button type="button" disabled={effective.api.running} onClick={() => effective.api?.run({ layer: field.name, row: cell.row, col: cell.col })}>
            {effective.api.running ? 'Working…' : 'Show the effective field'}
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
function useEffective(layer: string, cell: Cell | null): EffectiveState {
  const api = useContext(EffectiveFieldContext);
  const shown = api?.shown;
  const mine = shown && cell && shown.request.layer === layer && shown.request.row === cell.row && shown.request.col === cell.col ? shown.value : null;
  if (!mine) {
    return { api, map: null, text: 'The gradient of this unit with respect to the input shows which pixels it actually responds to.' };
  }
  const text = `Effective field: half the gradient's mass lies within a ${mine.mass50} × ${mine.mass50} square, 90% within ${mine.mass90} × ${mine.mass90}, `
    + `of the ${mine.theoretical.size} × ${mine.theoretical.size} it could see.`;
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
  return <canvas ref={ref} className="insp-field-heat" role="img" aria-label="The unit's effective receptive field over the input" />;
}
