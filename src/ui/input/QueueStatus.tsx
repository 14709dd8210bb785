import type { Prediction } from '../../client/types';
import { downloadText } from '../export/download';
import { runCsv } from '../export/csv';
import { useT } from '../i18n/I18n';
import type { MessageId, Said } from '../i18n/i18n';
import { ThumbStrip } from './ThumbStrip';

export interface QueueEntry {
  readonly id: number;
  readonly name: string;
  readonly status: 'waiting' | 'decoding' | 'running' | 'done' | 'failed' | 'cancelled';
  readonly message?: Said;
  /** Its top-k, once it has run. */
  readonly predictions?: readonly Prediction[];
  /** In a run of several files, once done: its thumbnail's URL (it can be shown again). */
  readonly thumb?: string;
}

const STATUS_TEXT: Record<QueueEntry['status'], MessageId> = {
  waiting: 'queue.waiting',
  decoding: 'queue.decoding',
  running: 'queue.running',
  done: 'queue.done',
  failed: 'queue.failed',
  cancelled: 'queue.cancelled',
};

export interface QueueProps {
  readonly items: readonly QueueEntry[];
  readonly busy: boolean;
  readonly onCancel: () => void;
  /** The item on show, its thumbnail pressed. */
  readonly shownId: number | null;
  readonly onRecall: (id: number) => void;
  /** How many files of a run keep their thumbnail. */
  readonly keptLimit: number;
}

/** Per-file status when several images were dropped, with a way to stop, and their thumbnails. */
export function QueueStatus({ items, busy, onCancel, shownId, onRecall, keptLimit }: QueueProps) {
  const t = useT();
  if (items.length === 0) return null;
  const single = items.length === 1;
  return (
    <div className="queue">
      <ThumbStrip items={items} shownId={shownId} busy={busy} keptLimit={keptLimit} onRecall={onRecall} />
      <ul aria-label={t('queue.files')} className={single ? 'single' : ''}>
        {items.map((it) => (
          <li key={it.id} className={`status-${it.status}`}>
            <span className="name">{it.name}</span>
            <span className="state" title={it.message && t.said(it.message)}>{t(STATUS_TEXT[it.status])}</span>
            {it.status === 'failed' && it.message && <span className="why">{t.said(it.message)}</span>}
          </li>
        ))}
      </ul>
      {busy && !single && (
        <button type="button" className="link" onClick={onCancel}>{t('queue.cancel')}</button>
      )}
      {!single && items.some((it) => it.predictions) && (
        <button type="button" className="link save-link" onClick={() => downloadText(runCsv(items.map((it) => ({ ...it, status: t(STATUS_TEXT[it.status]), message: it.message && t.said(it.message) }))), 'resnet50-results.csv', 'text/csv')}>
          {t('queue.saveCsv')}
        </button>
      )}
    </div>
  );
}
