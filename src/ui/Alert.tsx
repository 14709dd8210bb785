import { useT } from './i18n/I18n';
import type { Said } from './i18n/i18n';

export interface AlertAction {
  readonly label: string;
  readonly onClick: () => void;
}

interface Props {
  /** Said in the page's language (a notice raised before a switch of language reads in the new one). */
  readonly message: Said | null;
  /** A way out offered beside the message (e.g. "Switch to WASM" after a GPU failure). */
  readonly action?: AlertAction | null;
}

/** Errors in plain words. The region always exists so screen readers announce changes. */
export function Alert({ message, action = null }: Props) {
  const t = useT();
  return (
    <div role="alert" className={message ? 'alert' : 'alert empty'}>
      {message && t.said(message)}
      {message && action && (
        <>
          {' '}
          <button type="button" className="alert-action" onClick={action.onClick}>{action.label}</button>
        </>
      )}
    </div>
  );
}
