import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ReceptiveField } from '../../explain/receptive-field';
import { encodeNpy } from '../../inspect/npy';
import type { LayerData } from '../../inspect/types';
import { download } from '../export/download';
import { formatShape, type LayerLesson, type LayerSummary } from '../../model/pure';
import type { RgbaImage } from '../view-data';
import { BranchCompare } from './BranchCompare';
import { mapDims, type Normalization } from './channels';
import { FeatureMaps } from './FeatureMaps';
import { LayerHeader, type BlockSwitch } from './LayerHeader';
import { StatsHistogram } from './StatsHistogram';
import { VectorValues } from './VectorValues';
import './inspector.css';
import { useT } from '../i18n/I18n';

export interface LayerInspectorProps {
  /** null: nothing selected yet. */
  readonly layer: LayerSummary | null;
  /** Every layer in build order, for previous/next. */
  readonly layers: readonly LayerSummary[];
  /** null until an image has run. */
  readonly data: LayerData | null;
  /** The layer's data is being read: old content stays, dimmed. */
  readonly loading: boolean;
  /** Zero-based channel shown in the large view. */
  readonly channel: number | null;
  readonly onChannel: (channel: number | null) => void;
  readonly onSelect: (name: string) => void;
  /** The selected layer's theoretical receptive field (null: not known). */
  readonly field?: ReceptiveField | null;
  /** The network's input for the image shown, to outline a unit's field on. */
  readonly input?: RgbaImage | null;
  /** The selected layer's settings and parameter arithmetic. */
  readonly lesson?: LayerLesson | null;
  /** The selected layer's residual block and its switch. */
  readonly block?: BlockSwitch | null;
  /** Shown under the header (the comparison of two images at this layer). */
  readonly extra?: ReactNode;
  /** Shown last: what the layer learned (its weights), which needs no image. */
  readonly weights?: ReactNode;
  /** A way back to where the layer was picked (narrow screens, the table), after the header. */
  readonly back?: ReactNode;
}

/** Everything about the selected layer: facts, statistics, feature maps, and for an add, its two branches. */
export function LayerInspector({ layer, layers, data, loading, channel, onChannel, onSelect, field = null, input = null, lesson = null, block = null, extra = null, weights = null, back = null }: LayerInspectorProps) {
  const [normalization, setNormalization] = useState<Normalization>('channel');
  const t = useT();
  if (!layer) {
    return (
      <section className="insp insp-empty" aria-label={t('insp.label')}>
        <p className="insp-hint">{t('insp.select')}</p>
      </section>
    );
  }
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape' || channel === null) return;
    e.stopPropagation();
    onChannel(null);
  };
  return (
    <section className="insp" aria-label={t('insp.label')} onKeyDown={onKeyDown}>
      {back}
      <LayerHeader layer={layer} layers={layers} onSelect={onSelect} lesson={lesson?.name === layer.name ? lesson : null} block={block} />
      {extra}
      {loading && (
        <p className="insp-loading" role="status">
          <span className="insp-spinner" aria-hidden="true" /> {t('insp.reading', { layer: layer.name })}
        </p>
      )}
      {data ? (
        // While the next layer is read, the previous one stays in place but out of reach
        // (inert: no clicks, no focus, not read out under the new layer's name). aria-busy
        // sits here, not on the region, so the "Reading" status above is still announced.
        <div className={loading ? 'insp-body is-stale' : 'insp-body'} aria-busy={loading} inert={loading}>
          <LayerBody data={data} normalization={normalization} onNormalization={setNormalization} channel={channel} onChannel={onChannel} field={field} input={input} />
        </div>
      ) : (
        !loading && <p className="insp-hint">{t('insp.dropImage')}</p>
      )}
      {weights}
    </section>
  );
}

interface BodyProps {
  readonly data: LayerData;
  readonly normalization: Normalization;
  readonly onNormalization: (n: Normalization) => void;
  readonly channel: number | null;
  readonly onChannel: (channel: number | null) => void;
  readonly field: ReceptiveField | null;
  readonly input: RgbaImage | null;
}

function LayerBody({ data, normalization, onNormalization, channel, onChannel, field, input }: BodyProps) {
  // Stable identity: the canvases below are memoised on it.
  const dims = useMemo(() => mapDims(data.shape), [data.shape]);
  const t = useT();
  // The same bytes as the command line's `inspect --npy`: float32, no batch axis.
  const saveNpy = () => download(new Blob([encodeNpy(data.values, data.shape)], { type: 'application/octet-stream' }), `${data.name}.npy`);
  return (
    <>
      <div className="insp-exports">
        <button type="button" className="insp-save" onClick={saveNpy}>{t('insp.saveNpy')}</button>
        <span className="muted small">{t('insp.npyNote', { file: `${data.name}.npy`, shape: formatShape(data.shape) })}</span>
      </div>
      <StatsHistogram stats={data.stats} />
      {data.branches && <BranchCompare main={data.branches.main} shortcut={data.branches.shortcut} />}
      {dims ? (
        <FeatureMaps
          name={data.name}
          values={data.values}
          dims={dims}
          stats={data.stats}
          normalization={normalization}
          onNormalization={onNormalization}
          channel={channel}
          onChannel={onChannel}
          field={field?.name === data.name ? field : null}
          input={input}
        />
      ) : data.shape.length === 1 ? (
        <VectorValues values={data.values} />
      ) : (
        <p className="insp-note">{t('insp.noChannels', { shape: formatShape(data.shape) })}</p>
      )}
    </>
  );
}
