/** Number formatting and the plain-language residual sentence, kept pure for testing. */
import { english, type Translate } from '../i18n/i18n';

/** Four significant digits, exponent only when the magnitude needs it; "0" for zero. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e5 || abs < 1e-3) return v.toExponential(2);
  return String(Number(v.toPrecision(4)));
}

/** A fraction as a percentage with one decimal: 0.4821 -> "48.2%". */
export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

/** Two significant digits for ratios under 10, whole numbers above: "0.31×", "12×". */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '∞×';
  return ratio >= 10 ? `${Math.round(ratio)}×` : `${Number(ratio.toPrecision(2))}×`;
}

/**
 * One sentence about an add layer: how big the residual branch is next to the shortcut.
 * The thresholds are reading aids, not theory: below half the shortcut's size the block is
 * mostly an identity plus a correction, which is the point of a residual block.
 */
export function residualSentence(mainNorm: number, shortcutNorm: number, t: Translate = english): string {
  if (!(shortcutNorm > 0)) return t(mainNorm > 0 ? 'res.zeroShortcut' : 'res.allZero');
  const ratio = mainNorm / shortcutNorm;
  const id = ratio < 0.5 ? 'res.small' : ratio < 1.5 ? 'res.even' : 'res.large';
  return t(id, { ratio: formatRatio(ratio) });
}
