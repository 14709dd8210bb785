interface Props {
  readonly backend: string | null;
  readonly reason: string | null;
  readonly numTensors: number;
}

/** Live facts about the engine: which backend runs, why, and how many tensors are alive. */
export function Diagnostics({ backend, reason, numTensors }: Props) {
  return (
    <section className="diagnostics" role="status" aria-label="Diagnostics">
      <span>Backend: <strong data-testid="backend">{backend ?? 'starting…'}</strong></span>
      {reason && <span className="muted">{reason}</span>}
      <span>Tensors: {numTensors}</span>
    </section>
  );
}
