import type { LoadState } from '../../client/types';

const PHASES: Record<LoadState['phase'], string> = {
  downloading: 'Downloading ImageNet weights',
  building: 'Building ResNet50',
  decoding: 'Putting the weights into the layers',
  'warming-up': 'Warming up (compiling kernels for this device)',
  ready: 'Ready',
  failed: 'Failed',
};

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Real progress for the weight download and warm-up. */
export function LoadProgress({ load }: { readonly load: LoadState }) {
  if (load.phase === 'ready' || load.phase === 'failed') return null;
  const downloading = load.phase === 'downloading' && load.totalBytes > 0;
  return (
    <div className="load-progress">
      <label htmlFor="model-progress">
        {PHASES[load.phase]}
        {downloading ? ` — ${mb(load.loadedBytes)} of ${mb(load.totalBytes)}` : '…'}
      </label>
      <progress
        id="model-progress"
        aria-label="Model loading"
        max={downloading ? load.totalBytes : undefined}
        value={downloading ? load.loadedBytes : undefined}
      />
    </div>
  );
}
