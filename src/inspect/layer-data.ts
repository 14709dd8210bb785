/** Everything the layer inspector shows about one layer, as plain data. */
import type { LayerInfo } from '../model';
import type { Inspector } from './inspector';
import type { BranchData, LayerData, TensorStats } from './types';
import { valuesStats } from './values-stats';

/** sqrt(sum x^2) from the statistics: n (std^2 + mean^2) = sum x^2. */
export function l2Norm(stats: TensorStats): number {
  const n = stats.shape.reduce((a, b) => a * b, 1);
  return Math.sqrt(n * (stats.std ** 2 + stats.mean ** 2));
}

async function branch(inspector: Inspector, name: string, capture?: number): Promise<BranchData> {
  const stats = await inspector.layerStats(name, capture);
  return { name, stats, norm: l2Norm(stats) };
}

/** Reads one layer (and, for an add, the statistics of its two inputs); never the others. */
export async function readLayerData(inspector: Inspector, info: LayerInfo, capture?: number): Promise<LayerData> {
  // Every value is read for the channel maps, so the statistics come from them (values-stats.ts).
  const { values, shape } = await inspector.layerValues(info.name, capture);
  const stats = valuesStats(values, shape);
  let branches: LayerData['branches'] = null;
  if (info.kind === 'add' && info.inputs.length === 2) {
    const [main, shortcut] = await Promise.all(info.inputs.map((name) => branch(inspector, name, capture)));
    branches = { main, shortcut };
  }
  return { name: info.name, stats, shape, values, branches };
}
