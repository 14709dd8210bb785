import type { QueueEntry } from './QueueStatus';
import { useT } from '../i18n/I18n';
import './thumbs.css';

interface Props {
  readonly items: readonly QueueEntry[];
  /** The item whose image is on show. */
  readonly shownId: number | null;
  /** Thumbnails wait while the run goes on. */
  readonly busy: boolean;
  readonly keptLimit: number;
  readonly onRecall: (id: number) => void;
}

/** A run's files as thumbnails: a click brings one back (its image, top-5 and layers). */
export function ThumbStrip({ items, shownId, busy, keptLimit, onRecall }: Props) {
  const t = useT();
  const kept = items.filter((it) => it.thumb);
  if (kept.length === 0) return null;
  return (
    <div className="thumb-strip">
      <ul aria-label={t('queue.thumbs')}>
        {kept.map((it) => (
          <li key={it.id}>
            {/* aria-disabled, not disabled: a focused button that became disabled would drop the focus. */}
            <button
              type="button"
              className="thumb"
              aria-label={t('queue.showAgain', { name: it.name })}
              aria-current={it.id === shownId ? 'true' : undefined}
              aria-disabled={busy && it.id !== shownId}
              title={it.name}
              onClick={() => { if (!busy) onRecall(it.id); }}
            >
              <img src={it.thumb} alt="" />
            </button>
          </li>
        ))}
      </ul>
      <p className="muted" aria-live="polite">{t(busy ? 'queue.thumbsBusy' : 'queue.thumbsNote', { count: keptLimit })}</p>
    </div>
  );
}
