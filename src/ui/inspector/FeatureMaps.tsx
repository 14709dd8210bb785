import { useId, useMemo } from 'react';
import { ChannelGrid } from './ChannelGrid';
import { ChannelView } from './ChannelView';
import { ColourLegend } from './ColourLegend';
import { channelRanges, rangeFor, type MapDims, type Normalization } from './channels';
import { formatValue } from './format';

interface Props {
  readonly name: string;
  readonly values: Float32Array;
  readonly dims: MapDims;
  readonly layerMin: number;
  readonly layerMax: number;
  readonly normalization: Normalization;
  readonly onNormalization: (n: Normalization) => void;
  readonly channel: number | null;
  readonly onChannel: (channel: number | null) => void;
}

/** The feature-map section: normalisation switch, legend, the large view and the channel grid. */
export function FeatureMaps(props: Props) {
  const { name, values, dims, layerMin, layerMax, normalization, channel, onChannel } = props;
  const ranges = useMemo(() => channelRanges(values, dims), [values, dims]);
  const layerRange = useMemo(() => ({ min: layerMin, max: layerMax }), [layerMin, layerMax]);
  const open = channel !== null && channel >= 0 && channel < dims.channels ? channel : null;
  return (
    <section className="insp-maps" aria-label="Feature maps">
      <div className="insp-maps-head">
        <h3 className="insp-subhead">
          Feature maps <span className="insp-muted">{`${dims.channels} channels of ${dims.height} × ${dims.width}`}</span>
        </h3>
        <NormalizationSwitch value={normalization} onChange={props.onNormalization} />
      </div>
      {normalization === 'layer' ? (
        <ColourLegend low={formatValue(layerMin)} high={formatValue(layerMax)} caption="one scale for the whole layer" />
      ) : (
        <ColourLegend low="channel min" high="channel max" caption="each channel on its own scale" />
      )}
      <div className={open === null ? 'insp-maps-body' : 'insp-maps-body has-view'}>
        {open !== null && (
          <ChannelView
            values={values}
            dims={dims}
            channel={open}
            range={rangeFor(normalization, ranges, layerRange, open)}
            normalization={normalization}
            onClose={() => onChannel(null)}
          />
        )}
        <ChannelGrid
          key={name}
          values={values}
          dims={dims}
          ranges={ranges}
          layerRange={layerRange}
          normalization={normalization}
          selected={open}
          onChannel={onChannel}
        />
      </div>
    </section>
  );
}

const OPTIONS: readonly { readonly value: Normalization; readonly label: string }[] = [
  { value: 'channel', label: 'per channel' },
  { value: 'layer', label: 'per layer' },
];

function NormalizationSwitch({ value, onChange }: { readonly value: Normalization; readonly onChange: (n: Normalization) => void }) {
  const group = useId();
  return (
    <fieldset className="insp-switch">
      <legend>Normalize</legend>
      {OPTIONS.map((o) => (
        <label key={o.value}>
          <input type="radio" name={group} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
