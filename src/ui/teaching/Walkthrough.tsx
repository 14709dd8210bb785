import { memo, useCallback, useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { CHAPTERS, type ChapterInfo, type WalkthroughStep } from './walkthrough-steps';
import { useT } from '../i18n/I18n';
import './teaching.css';

export interface WalkthroughProps {
  readonly steps: readonly WalkthroughStep[];
  readonly activeStepId: string | null;
  readonly onStep: (step: WalkthroughStep) => void;
  /** Opens a layer in the inspector (the step stays); chips of names that are not layers stay text. */
  readonly onLayer?: (name: string) => void;
  readonly layerNames?: ReadonlySet<string>;
  /**
   * Scroll a step made active from outside (a layer picked in the graph) into view. Off where
   * the page keeps the inspector in view instead: scrolling to the step would take it away.
   */
  readonly followSelection?: boolean;
}

const NO_NAMES: ReadonlySet<string> = new Set();

const MOVE_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End']);

/** Arrow keys, Home and End move between the step buttons; Enter or Space opens one. */
function moveFocus(event: KeyboardEvent<HTMLElement>): void {
  if (!MOVE_KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
  const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-step-id]'));
  const i = buttons.findIndex((b) => b === event.target);
  if (i < 0) return;
  const next = { ArrowDown: Math.min(i + 1, buttons.length - 1), ArrowUp: Math.max(i - 1, 0), Home: 0, End: buttons.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  buttons[next].focus();
}

/**
 * The teaching walkthrough beside the graph: three chapters of steps, the active one
 * opened with its explanation and, where this model departs from the text, a note.
 * Memoised (and each step too): selecting a layer re-renders it only when the active step changes.
 */
export const Walkthrough = memo(function Walkthrough({ steps, activeStepId, onStep, onLayer, layerNames = NO_NAMES, followSelection = true }: WalkthroughProps) {
  const idPrefix = useId();
  const activeItem = useRef<HTMLLIElement>(null);
  // The step last chosen here; any other change of activeStepId came from outside (the graph).
  const chosenHere = useRef<string | null>(null);

  useEffect(() => {
    if (activeStepId === null || activeStepId === chosenHere.current) return undefined;
    chosenHere.current = null;
    if (!followSelection) return undefined;
    // Scrolled only when the step is out of view, learnt from an IntersectionObserver, which
    // answers after the browser's own next layout: scrollIntoView straight after a selection
    // changed the DOM would force an extra layout (~8 ms) on every layer switch.
    const item = activeItem.current;
    if (!item || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver(([entry]) => {
      observer.disconnect();
      if (entry && entry.intersectionRatio < 1) item.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    });
    observer.observe(item);
    return () => observer.disconnect();
  }, [activeStepId, followSelection]);

  const t = useT();
  const choose = useCallback((step: WalkthroughStep) => {
    chosenHere.current = step.id;
    onStep(step);
  }, [onStep]);

  return (
    <nav className="walkthrough" aria-label={t('walk.title')} onKeyDown={moveFocus}>
      <h2 className="walkthrough-title">{t('walk.title')}</h2>
      {CHAPTERS.map((chapter) => {
        const chapterSteps = steps.filter((s) => s.chapter === chapter.id);
        if (chapterSteps.length === 0) return null;
        return (
          <Chapter key={chapter.id} chapter={chapter} headingId={`${idPrefix}-${chapter.id}`}>
            {chapterSteps.map((step, i) => {
              const active = step.id === activeStepId;
              return (
                <StepItem
                  key={step.id}
                  step={step}
                  number={i + 1}
                  detailId={`${idPrefix}-${step.id}`}
                  active={active}
                  itemRef={active ? activeItem : undefined}
                  onChoose={choose}
                  onLayer={onLayer}
                  layerNames={layerNames}
                />
              );
            })}
          </Chapter>
        );
      })}
    </nav>
  );
});

interface StepItemProps {
  readonly step: WalkthroughStep;
  readonly number: number;
  readonly detailId: string;
  readonly active: boolean;
  readonly itemRef: RefObject<HTMLLIElement | null> | undefined;
  readonly onChoose: (step: WalkthroughStep) => void;
  readonly onLayer: ((name: string) => void) | undefined;
  readonly layerNames: ReadonlySet<string>;
}

const StepItem = memo(function StepItem({ step, number, detailId, active, itemRef, onChoose, onLayer, layerNames }: StepItemProps) {
  return (
    <li ref={itemRef} className={active ? 'walkthrough-step active' : 'walkthrough-step'}>
      <button
        type="button"
        className="walkthrough-step-button"
        data-step-id={step.id}
        aria-pressed={active}
        aria-controls={active ? detailId : undefined}
        onClick={() => onChoose(step)}
      >
        <span className="walkthrough-num" aria-hidden="true">{number}</span>
        <span>{step.title}</span>
      </button>
      {active && <StepDetail id={detailId} step={step} onLayer={onLayer} layerNames={layerNames} />}
    </li>
  );
});

function Chapter({ chapter, headingId, children }: { chapter: ChapterInfo; headingId: string; children: ReactNode }) {
  const t = useT();
  return (
    <section className="walkthrough-chapter" data-chapter={chapter.id} aria-labelledby={headingId}>
      <h3 id={headingId} className="walkthrough-chapter-title">
        {t(`chapter.${chapter.id}`)}
        {chapter.example && <span className="walkthrough-example">{t('walk.example')}<code>{chapter.example}</code></span>}
      </h3>
      <ol className="walkthrough-steps">{children}</ol>
    </section>
  );
}

interface StepDetailProps {
  readonly id: string;
  readonly step: WalkthroughStep;
  readonly onLayer: ((name: string) => void) | undefined;
  readonly layerNames: ReadonlySet<string>;
}

function StepDetail({ id, step, onLayer, layerNames }: StepDetailProps) {
  const t = useT();
  return (
    <div id={id} className="walkthrough-detail">
      <p className="walkthrough-body">{step.body}</p>
      {step.note && (
        <div className="walkthrough-note" role="note">
          <span className="walkthrough-note-label">{t('walk.note')}</span>
          <p>{step.note}</p>
        </div>
      )}
      <ul className="walkthrough-layers" aria-label={t('walk.highlighted')}>
        {step.layers.map((name) => (
          <li key={name}>
            {onLayer && layerNames.has(name) ? (
              <button type="button" className="walkthrough-chip" title={t('walk.openLayer', { name })} onClick={() => onLayer(name)}>
                <code>{name}</code>
              </button>
            ) : (
              <code>{name}</code>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
