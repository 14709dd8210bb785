/** What the address bar remembers: preset, stage-5 variant, requested backend. */
import { isPresetName, type PresetName } from '../model';
import { isBackendName, type BackendName } from './backend-policy';

export interface UrlState {
  readonly preset: PresetName;
  readonly seedLiteral: boolean;
  readonly backend: BackendName | null;
  /** The selected layer or block; checked against the model by the app. */
  readonly layer: string | null;
  readonly channel: number | null;
}

function channelOf(value: string | null): number | null {
  if (value === null || !/^\d{1,5}$/.test(value)) return null;
  return Number(value);
}

export function readUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const preset = params.get('preset') ?? '';
  const backend = params.get('backend');
  return {
    preset: isPresetName(preset) ? preset : 'imagenet',
    seedLiteral: params.get('variant') === 'literal',
    backend: isBackendName(backend) ? backend : null,
    layer: params.get('layer') || null,
    channel: channelOf(params.get('channel')),
  };
}

export function writeUrlState(state: UrlState, search: string): string {
  const params = new URLSearchParams(search);
  params.set('preset', state.preset);
  if (state.seedLiteral) params.set('variant', 'literal');
  else params.delete('variant');
  for (const [key, value] of [['backend', state.backend], ['layer', state.layer], ['channel', state.channel]] as const) {
    if (value === null) params.delete(key);
    else params.set(key, String(value));
  }
  return `?${params.toString()}`;
}
