import { memo } from 'react';
import type { PresetName } from '../model/pure';

interface Props {
  readonly preset: PresetName;
  readonly seedLiteral: boolean;
  readonly onPreset: (preset: PresetName) => void;
  readonly onSeedLiteral: (literal: boolean) => void;
}

const PRESET_LABELS: Record<PresetName, string> = {
  signs: 'SIGNS: the assignment (64×64, 6 classes)',
  imagenet: 'ImageNet: published weights (224×224, 1000 classes)',
};

/** Preset and stage-5 variant switches, with the reasons students will ask about. */
export const PresetControls = memo(function PresetControls({ preset, seedLiteral, onPreset, onSeedLiteral }: Props) {
  return (
    <fieldset className="controls">
      <legend>Model</legend>
      <label>
        Preset{' '}
        <select value={preset} onChange={(e) => onPreset(e.target.value as PresetName)}>
          {(Object.keys(PRESET_LABELS) as PresetName[]).map((p) => (
            <option key={p} value={p}>{PRESET_LABELS[p]}</option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={seedLiteral} onChange={(e) => onSeedLiteral(e.target.checked)} />
        Stage-5 identity filters as the text reads: [256, 256, 2048]
      </label>
      <details className="note">
        <summary>Why these switches?</summary>
        <p>
          The assignment text gives stage 5's identity blocks [256, 256, 2048], but its reference
          solution and every published ResNet50 use [512, 512, 2048]. The default follows the
          published model; tick the box to see what the literal reading changes (the ImageNet
          weights only fit the published shapes, so that variant runs with seeded random weights).
        </p>
        {preset === 'imagenet' && (
          <p>
            ImageNet adds two weightless layers so the published Keras weights fit: <code>pool1_pad</code>,
            a 1-pixel zero padding before the max pool (stage 2 then sees 56×56, as in training), and an{' '}
            <code>avg_pool</code> window of 7×7, the whole final feature map.
          </p>
        )}
      </details>
    </fieldset>
  );
});
