/**
 * The way back to a walkthrough step after the page moved to the nodes it lights (a phone,
 * where the walkthrough is below the graph): it stays in view at the foot of the screen and
 * takes the focus, so a keyboard or screen-reader user is not left on a button off screen.
 */
import { memo, useEffect, useRef } from 'react';
import { useT } from '../ui/i18n/I18n';

interface Props {
  readonly title: string;
  readonly onBack: () => void;
}

export const StepBack = memo(function StepBack({ title, onBack }: Props) {
  const t = useT();
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => { ref.current?.focus({ preventScroll: true }); }, []);
  return (
    <button type="button" className="views-step-back" ref={ref} onClick={onBack}>
      <span aria-hidden="true">↓ </span>{t('views.backStep', { step: title })}
    </button>
  );
});
