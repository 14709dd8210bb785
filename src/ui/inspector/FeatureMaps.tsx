import { useId, useMemo } from 'react';
import type { ReceptiveField } from '../../explain/receptive-field';
import type { TensorStats } from '../../inspect/types';
import type { RgbaImage } from '../view-data';
import { ChannelGrid } from './ChannelGrid';
import { ChannelView } from './ChannelView';
import { ColourLegend } from './ColourLegend';
import { rangeFor, zipRanges, type MapDims, type Normalization } from './channels';
import { formatValue } from './format';
import { gridColumns } from './mosaic';
import { useWidth } from './use-width';
import { useT } from '../i18n/I18n';

interface Props {
  readonly name: string;
  readonly values: Float32Array;
  readonly dims: MapDims;
  /** The layer's statistics: its range and every channel's range, from the backend. */
  readonly stats: TensorStats;
  readonly normalization: Normalization;
  readonly onNormalization: (n: Normalization) => void;
  readonly channel: number | null;
  readonly onChannel: (channel: number | null) => void;
  /** The layer's receptive field and the network's input, for the large view's unit outline. */
  readonly field: ReceptiveField | null;
  readonly input: RgbaImage | null;
}

/** Grid width assumed when the slot measures 0 (not laid out): eight tiles across. */
const FALLBACK_WIDTH = 8 * 68;

/** The feature-map section: normalisation switch, legend, the large view and the channel grid. */
export function FeatureMaps(props: Props) {
  const { name, values, dims, stats, normalization, channel, onChannel, field, input } = props;
  const ranges = useMemo(() => zipRanges(stats.channelMins, stats.channelMaxs), [stats]);
  const layerRange = useMemo(() => ({ min: stats.min, max: stats.max }), [stats]);
  // The grid's columns follow its width, measured before the first paint: until then there
  // is no grid, so a page is never painted for a width it does not have.
  const [slotRef, slotWidth, measured] = useWidth<HTMLDivElement>(FALLBACK_WIDTH);
  const open = channel !== null && channel >= 0 && channel < dims.channels ? channel : null;
  const t = useT();
  return (
    <section className="insp-maps" aria-label={t('insp.maps')}>
      <MapsHead dims={dims} stats={stats} normalization={normalization} onNormalization={props.onNormalization} />
      <div className={open === null ? 'insp-maps-body' : 'insp-maps-body has-view'}>
        {open !== null && (
          <ChannelView
            name={name}
            values={values}
            dims={dims}
            channel={open}
            range={rangeFor(normalization, ranges, layerRange, open)}
            normalization={normalization}
            onClose={() => onChannel(null)}
            field={field}
            input={input}
          />
        )}
        <div className="insp-grid-slot" ref={slotRef}>
          {measured && (
            <ChannelGrid
              name={name}
              values={values}
              dims={dims}
              ranges={ranges}
              layerRange={layerRange}
              normalization={normalization}
              selected={open}
              onChannel={onChannel}
              columns={gridColumns(slotWidth)}
            />
          )}
        </div>
      </div>
    </section>
  );
}

interface HeadProps {
  readonly dims: MapDims;
  readonly stats: TensorStats;
  readonly normalization: Normalization;
  readonly onNormalization: (n: Normalization) => void;
}

/** Title, normalisation switch and the colour legend for the chosen normalisation. */
function MapsHead({ dims, stats, normalization, onNormalization }: HeadProps) {
  const t = useT();
  return (
    <>
      <div className="insp-maps-head">
        <h3 className="insp-subhead">
          {t('insp.maps')} <span className="insp-muted">{t('insp.mapsOf', { channels: String(dims.channels), height: String(dims.height), width: String(dims.width) })}</span>
        </h3>
        <NormalizationSwitch value={normalization} onChange={onNormalization} />
      </div>
      {normalization === 'layer' ? (
        <ColourLegend low={formatValue(stats.min)} high={formatValue(stats.max)} caption={t('insp.oneScale')} />
      ) : (
        <ColourLegend low={t('insp.channelMin')} high={t('insp.channelMax')} caption={t('insp.ownScale')} />
      )}
    </>
  );
}

const OPTIONS = [
  { value: 'channel', label: 'insp.perChannel' },
  { value: 'layer', label: 'insp.perLayer' },
] as const satisfies readonly { readonly value: Normalization; readonly label: string }[];

function NormalizationSwitch({ value, onChange }: { readonly value: Normalization; readonly onChange: (n: Normalization) => void }) {
  const group = useId();
  const t = useT();
  return (
    <fieldset className="insp-switch">
      <legend>{t('insp.normalize')}</legend>
      {OPTIONS.map((o) => (
        <label key={o.value}>
          <input type="radio" name={group} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
          <span>{t(o.label)}</span>
        </label>
      ))}
    </fieldset>
  );
}
