/** What the address bar remembers: preset, stage-5 variant, requested backend. */
import { isPresetName, type PresetName } from '../model';
import { isBackendName, type BackendName } from './backend-policy';

export interface UrlState {
  readonly preset: PresetName;
  readonly seedLiteral: boolean;
  readonly backend: BackendName | null;
}

export function readUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const preset = params.get('preset') ?? '';
  const backend = params.get('backend');
  return {
    preset: isPresetName(preset) ? preset : 'signs',
    seedLiteral: params.get('variant') === 'literal',
    backend: isBackendName(backend) ? backend : null,
  };
}

export function writeUrlState(state: UrlState, search: string): string {
  const params = new URLSearchParams(search);
  params.set('preset', state.preset);
  if (state.seedLiteral) params.set('variant', 'literal');
  else params.delete('variant');
  if (state.backend) params.set('backend', state.backend);
  else params.delete('backend');
  return `?${params.toString()}`;
}
