/** The targets, checked against a run's figures. */
import type { BenchReport, Target } from '../core/report';

type Figures = Omit<BenchReport, 'targets'>;

function target(name: string, value: number, op: Target['op'], limit: number): Target {
  const met = op === '<=' ? value <= limit : op === '>=' ? value >= limit : value === limit;
  return { name, value, op, limit, met };
}

/** Growth in tensors or bytes between image 1 and the last image, over every run. */
function growth(figures: Figures, key: 'numTensorsGrowth' | 'bytesGrowth'): number {
  const runs = [figures.browser.wasm.memory, figures.browser.webgl.memory, figures.node.wasm.memory, figures.app.workerMemory];
  return runs.reduce((sum, memory) => sum + Math.abs(memory[key]), 0);
}

export function checkTargets(figures: Figures): Target[] {
  const { wasm, webgl } = figures.mainThread;
  const a = figures.attribution;
  const per = `/ one forward pass, WASM, ${a.preset}, through the client`;
  const x = figures.experiments;
  return [
    target('ratio on WASM: the app through the client / bare predict, same worker', figures.browser.wasm.ratio, '<=', 1.15),
    target('layerSwitchMs, 56x56x256 layer, WASM, through the worker (app)', figures.app.layerSwitchMs, '<=', 50),
    target(`mainThread longest task, ${wasm.images} images, WASM (app)`, wasm.longestTaskMs, '<=', 50),
    target(`mainThread longest task, ${webgl.images} images, WebGL${webgl.softwareRendered ? ' (software)' : ''}, ${webgl.preset} (app)`, webgl.longestTaskMs, '<=', 50),
    target('firstGraphMs, empty cache (app)', figures.app.firstGraphMs, '<=', 1000),
    target('mainBundleGzipBytes (app)', figures.app.mainBundleGzipBytes, '<=', 200_000),
    target('threads: single-threaded / threaded', figures.threads.ratio, '>=', 1.3),
    target('share of weight files served as float16', figures.app.float16Share, '==', 1),
    target('numTensors growth, image 1 to last (all runs, the app\'s worker included)', growth(figures, 'numTensorsGrowth'), '==', 0),
    target('backend bytes growth, image 1 to last (all runs, the app\'s worker included)', growth(figures, 'bytesGrowth'), '==', 0),
    target(`Grad-CAM (${a.gradCamLayer}) ${per}`, a.gradCamRatio, '<=', 3),
    target(`saliency ${per}`, a.saliencyRatio, '<=', 3),
    target(`integrated gradients, ${a.igSteps} steps, ${a.igBaseline} baseline, batched ${per}`, a.igRatio, '<=', 16),
    target(`integrated gradients' completeness gap at ${Math.max(...a.igGaps.map((g) => g.steps))} steps, worst of ${a.igGaps.map((g) => g.image).filter((n, i, all) => all.indexOf(n) === i).join(' and ')} (${a.igGaps[0]?.baseline} baseline, ${a.preset})`, a.igGapAtMostSteps, '<=', 0.05),
    target(`effective receptive field of ${a.unitLayer} (${a.unitRow}, ${a.unitCol}) ${per}`, a.unitFieldRatio, '<=', 3),
    target(`numTensors growth after ${a.memory.gradCamSaliencyRequests} Grad-CAM / saliency requests (bench worker, ${a.preset})`, a.memory.numTensorsGrowth, '==', 0),
    target(`backend bytes growth after ${a.memory.gradCamSaliencyRequests} Grad-CAM / saliency requests (bench worker, ${a.preset})`, a.memory.bytesGrowth, '==', 0),
    target(`lesion toggle (${x.lesionBlock} off) to the new top-5 / one forward pass, WASM, ${x.preset}, through the client`, x.lesionToggleRatio, '<=', 1.3),
    target(`evaluate images/s, 2 threads / 1 (Node, ${x.evaluate.preset})`, x.evaluate.threadsRatio, '>=', 1.5),
    target(`compare curve (${x.compareLayers} layers) drawn after B's pass, ms, WASM, ${x.preset}`, x.compareCurveMs, '<=', 300),
  ];
}
