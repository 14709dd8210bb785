/** The targets, checked against a run's figures. */
import type { BenchReport, Target } from '../core/report';

type Figures = Omit<BenchReport, 'targets'>;

function target(name: string, value: number, op: Target['op'], limit: number): Target {
  const met = op === '<=' ? value <= limit : op === '>=' ? value >= limit : value === limit;
  return { name, value, op, limit, met };
}

/** Growth in tensors or bytes between image 1 and the last image, over every run. */
function growth(figures: Figures, key: 'numTensorsGrowth' | 'bytesGrowth'): number {
  const runs = [figures.browser.wasm, figures.browser.webgl, figures.node.wasm];
  return runs.reduce((sum, run) => sum + Math.abs(run.memory[key]), 0);
}

export function checkTargets(figures: Figures): Target[] {
  return [
    target('ratio on WASM (browser)', figures.browser.wasm.ratio, '<=', 1.15),
    target('layerSwitchMs, 56x56x256 layer, WASM (app)', figures.app.layerSwitchMs, '<=', 50),
    target('threads: single-threaded / threaded', figures.threads.ratio, '>=', 1.3),
    target('share of weight files served as float16', figures.app.float16Share, '==', 1),
    target('numTensors growth, image 1 to last (all runs)', growth(figures, 'numTensorsGrowth'), '==', 0),
    target('backend bytes growth, image 1 to last (all runs)', growth(figures, 'bytesGrowth'), '==', 0),
  ];
}
