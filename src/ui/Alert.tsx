interface Props {
  readonly message: string | null;
}

/** Errors in plain words. The region always exists so screen readers announce changes. */
export function Alert({ message }: Props) {
  return (
    <div role="alert" className={message ? 'alert' : 'alert empty'}>
      {message}
    </div>
  );
}
