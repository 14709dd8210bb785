import { useId } from 'react';
import { formatShape, stageLabel, type LayerInfo, type LayerLesson, type LayerSummary } from '../../model/pure';
import { useT } from '../i18n/I18n';
import { english, type Translate } from '../i18n/i18n';
import { lessonWords } from './lesson-words';

interface Props {
  readonly layer: LayerSummary;
  readonly layers: readonly LayerSummary[];
  readonly onSelect: (name: string) => void;
  /** The layer's settings and how its parameters are made (null: not known). */
  readonly lesson?: LayerLesson | null;
  /** The residual block the layer is in, with its on/off switch (null outside a block). */
  readonly block?: BlockSwitch | null;
}

export interface BlockSwitch {
  readonly name: string;
  readonly off: boolean;
  readonly onToggle: (name: string) => void;
}


/** Where the layer sits, from its stored position (never parsed from the name). */
export function whereText(info: LayerInfo, t: Translate = english): string {
  const parts: string[] = [];
  const role = t(`insp.role.${info.role}`);
  if (info.stage !== null && info.stage !== 1) parts.push(stageLabel(info.stage));
  if (info.block) parts.push(t('insp.block', { block: info.block }));
  parts.push(info.branch ? `${role} ${info.branch}` : role);
  return parts.join(' · ');
}

/** The layer's name and facts, with previous/next in build order. */
export function LayerHeader({ layer, layers, onSelect, lesson = null, block = null }: Props) {
  const t = useT();
  const index = layers.findIndex((l) => l.name === layer.name);
  const prev = index > 0 ? layers[index - 1] : null;
  const next = index >= 0 && index < layers.length - 1 ? layers[index + 1] : null;
  return (
    <header className="insp-header">
      <div className="insp-title">
        <h2>
          <code>{layer.name}</code>
        </h2>
        <ul className="insp-facts" aria-label={t('insp.facts')}>
          <li className="insp-kind">{`${layer.type} · ${t(`insp.kind.${layer.info.kind}`)}`}</li>
          <li>{t('insp.outputShape', { shape: formatShape(layer.outputShape) })}</li>
          <li>{t('insp.params', { count: t.count(layer.params) })}</li>
          <li>{whereText(layer.info, t)}</li>
        </ul>
        {lesson && <LayerSettings lesson={lesson} />}
        {block && (
          <p className="insp-block-switch">
            <button type="button" role="switch" aria-checked={!block.off} onClick={() => block.onToggle(block.name)}>
              {t('insp.blockButton', { name: block.name })}
            </button>
            <span className="insp-muted">{t(block.off ? 'insp.blockOff' : 'insp.blockOn')}</span>
          </p>
        )}
      </div>
      <nav className="insp-nav" aria-label={t('insp.order')}>
        <NavButton direction="previous" target={prev} onSelect={onSelect} />
        <NavButton direction="next" target={next} onSelect={onSelect} />
      </nav>
    </header>
  );
}

/** The layer's settings, its shapes in and out, and how its parameter count is made. */
function LayerSettings({ lesson }: { readonly lesson: LayerLesson }) {
  const t = useT();
  const words = lessonWords(lesson, t);
  return (
    <div role="group" aria-label={t('insp.settings')}>
      <dl className="insp-settings">
        {words.settings.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div>
          <dt>{t('insp.inOut')}</dt>
          <dd><code>{words.shapes}</code></dd>
        </div>
        <div className="insp-settings-params">
          <dt>{t('insp.parameters')}</dt>
          <dd>
            {words.formula ? <code>{words.formula}</code> : t('insp.none')}
            {words.why && <span className="insp-muted">{' '}{t('insp.paramsWhy', { why: words.why })}</span>}
          </dd>
        </div>
      </dl>
    </div>
  );
}

interface NavProps {
  readonly direction: 'previous' | 'next';
  readonly target: LayerSummary | null;
  readonly onSelect: (name: string) => void;
}

/** Named "Previous layer"/"Next layer"; the neighbour's name is its visible text and description. */
function NavButton({ direction, target, onSelect }: NavProps) {
  const nameId = useId();
  const t = useT();
  const word = t(direction === 'previous' ? 'insp.previous' : 'insp.next');
  return (
    <button
      type="button"
      className={`insp-nav-btn insp-nav-${direction}`}
      aria-label={t(direction === 'previous' ? 'insp.previousLayer' : 'insp.nextLayer')}
      aria-describedby={target ? nameId : undefined}
      disabled={!target}
      onClick={() => target && onSelect(target.name)}
    >
      <span className="insp-nav-word">
        {direction === 'previous' && <span aria-hidden="true">← </span>}
        {word}
        {direction === 'next' && <span aria-hidden="true"> →</span>}
      </span>
      <code id={nameId} className="insp-nav-name">{target ? target.name : t('insp.none')}</code>
    </button>
  );
}
