export interface AlertAction {
  readonly label: string;
  readonly onClick: () => void;
}

interface Props {
  readonly message: string | null;
  /** A way out offered beside the message (e.g. "Switch to WASM" after a GPU failure). */
  readonly action?: AlertAction | null;
}

/** Errors in plain words. The region always exists so screen readers announce changes. */
export function Alert({ message, action = null }: Props) {
  return (
    <div role="alert" className={message ? 'alert' : 'alert empty'}>
      {message}
      {message && action && (
        <>
          {' '}
          <button type="button" className="alert-action" onClick={action.onClick}>{action.label}</button>
        </>
      )}
    </div>
  );
}
