import type { LoadState } from '../../client/types';
import { useT } from '../i18n/I18n';
import type { Translate } from '../i18n/i18n';

function mb(bytes: number, t: Translate): string {
  return t.number(bytes / 1e6, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** Real progress for the weight download and warm-up. */
export function LoadProgress({ load }: { readonly load: LoadState }) {
  const t = useT();
  if (load.phase === 'ready' || load.phase === 'failed') return null;
  const downloading = load.phase === 'downloading' && load.totalBytes > 0;
  return (
    <div className="load-progress">
      <label htmlFor="model-progress">
        {t(`load.${load.phase}`)}
        {downloading ? t('load.of', { loaded: mb(load.loadedBytes, t), total: mb(load.totalBytes, t) }) : '…'}
      </label>
      <progress
        id="model-progress"
        aria-label={t('load.label')}
        max={downloading ? load.totalBytes : undefined}
        value={downloading ? load.loadedBytes : undefined}
      />
    </div>
  );
}
