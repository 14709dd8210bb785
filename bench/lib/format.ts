/** The human-readable summary `npm run bench` prints without --json. */
import type { BenchReport } from '../core/report';
import type { CoreFigures } from '../core/types';

const MiB = 2 ** 20;

function row(cells: readonly (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

function backendRow(name: string, f: CoreFigures, threads: number): string {
  const m = f.memory;
  return row([
    name, threads, f.baselineMs, f.pipelineMs, f.ratio, f.firstPredictMs, f.warmPredictMs, f.warmUpRatio,
    `${m.numTensorsAfter1} / ${m.numTensorsAfterLast} (${m.images})`,
    `${(m.bytesAfter1 / MiB).toFixed(1)} / ${(m.bytesAfterLast / MiB).toFixed(1)}`,
  ]);
}

function backendTable(r: BenchReport): string[] {
  const { wasm, webgl } = r.browser;
  return [
    row(['where (engine in a worker in Chromium)', 'threads', 'baselineMs', 'pipelineMs', 'ratio', 'firstPredictMs', 'warmPredictMs', 'first/warm', 'numTensors 1 / last (images)', 'MiB 1 / last']),
    row(Array(10).fill('---')),
    backendRow('Chromium wasm', wasm, wasm.threads),
    backendRow(`Chromium webgl${webgl.softwareRendered ? ' (software)' : ''}${webgl.preset === 'imagenet' ? '' : `, ${webgl.preset}`}`, webgl, 0),
    backendRow('Node wasm', r.node.wasm, r.node.wasm.threads),
  ];
}

function mainThreadLine(name: string, m: BenchReport['mainThread']['wasm']): string {
  return `main thread, ${name} (${m.preset}${m.softwareRendered ? ', software' : ''}, ${m.images} images, ${m.perImageMs} ms each): `
    + `longest task ${m.longestTaskMs} ms, ${m.longTasks} long tasks (${m.longTasksTotalMs} ms); start-up: longest ${m.startupLongestTaskMs} ms, ${m.startupLongTasks} long tasks`;
}

function appLines(r: BenchReport): string[] {
  const a = r.app;
  const w = a.workerMemory;
  return [
    mainThreadLine('WASM', r.mainThread.wasm),
    mainThreadLine('WebGL', r.mainThread.webgl),
    `first graph: ${a.firstGraphMs} ms empty cache, ${a.firstGraphWarmCacheMs} ms warm; main bundle ${a.mainBundleGzipBytes} bytes gzipped (${a.mainBundleBytes} raw, ${a.mainBundleFiles} files)`,
    `app worker memory: ${w.numTensorsAfter1} / ${w.numTensorsAfterLast} tensors, ${(w.bytesAfter1 / MiB).toFixed(1)} / ${(w.bytesAfterLast / MiB).toFixed(1)} MiB after 1 / ${w.images} images`,
    `layerSwitchMs ${a.layerSwitchMs} (${a.layerSwitchShape.join('x')}, ${a.appBackend}, ${a.appThreads} threads; named ${a.layerSwitchShownMs}, data ${a.layerSwitchDataMs})`,
    `threads: ${r.threads.ratio}x (${r.threads.singleThreadedMs} ms single-threaded, ${r.threads.threadedMs} ms with ${r.threads.threads} threads)`,
    `weightsBytes: float32 ${r.weightsBytes.float32}, float16 ${r.weightsBytes.float16}; float16 share served ${a.float16Share}`,
    `cold start to first prediction: ${a.coldStartEmptyCacheMs} ms empty cache, ${a.coldStartWarmCacheMs} ms warm cache (${a.weightsBytesTransferredWarmCache} weight bytes re-sent)`,
  ];
}

function experimentLine(r: BenchReport): string {
  const x = r.experiments;
  const e = x.evaluate;
  return `experiments (${x.preset}, one forward pass ${x.baselineMs} ms): ${x.lesionBlock} off to the new top-5 ${x.lesionToggleMs} ms (${x.lesionToggleRatio}x); `
    + `compare ${x.compareMs} ms, curve of ${x.compareLayers} layers drawn ${x.compareCurveMs} ms after B's pass; evaluate (${e.preset}) ${e.imagesPerSecond1} / ${e.imagesPerSecond2} images/s on 1 / 2 threads (${e.threadsRatio}x), ${e.imagesPerSecondBatch} at batch ${e.batch} (${e.batchRatio}x)`;
}

function attributionLines(r: BenchReport): string[] {
  const a = r.attribution;
  const m = a.memory;
  return [
    `attribution (${a.preset}, ${a.backend} in the ${a.host}, ${a.threads} threads; one forward pass ${a.baselineMs} ms): `
      + `Grad-CAM ${a.gradCamRatio}x (${a.gradCamMs} ms, ${a.gradCamLayer}), saliency ${a.saliencyRatio}x (${a.saliencyMs} ms), `
      + `IG ${a.igSteps} steps ${a.igRatio}x (${a.igMs} ms, gap ${a.igCompletenessGap}), `
      + `unit field ${a.unitLayer} (${a.unitRow}, ${a.unitCol}) ${a.unitFieldRatio}x (${a.unitFieldMs} ms)`,
    `attribution, IG batches of ${a.igBatch}; bare forward per image at batch `
      + `${a.forwardBatches.map((f) => `${f.batch}: ${f.ratio}x (${f.msPerImage} ms)`).join(', ')}; `
      + `so ${a.igSteps} forward passes alone cost at least ${a.igForwardFloorRatio}x`,
    `attribution, IG completeness gap (${a.igGaps[0]?.baseline ?? ''} baseline): `
      + a.igGaps.map((g) => `${g.image} ${g.steps} steps ${g.gap}`).join(', '),
    `attribution memory: ${m.numTensorsBefore} / ${m.numTensorsAfter} tensors, ${(m.bytesBefore / MiB).toFixed(1)} / ${(m.bytesAfter / MiB).toFixed(1)} MiB before / after ${m.gradCamSaliencyRequests} Grad-CAM / saliency requests (${m.attributions} attributions and ${m.unitFields} unit fields in all)`,
  ];
}

export function formatReport(r: BenchReport): string {
  const targets = r.targets.map((t) => `${t.met ? 'met    ' : 'NOT met'}  ${t.name}: ${t.value} (target ${t.op} ${t.limit})`);
  const m = r.machine;
  const header = `ResNet50 Explorer benchmark, ${r.date}${r.quick ? ' (quick)' : ''}, ${m.cpus} cores (load ${m.loadAverageStart} -> ${m.loadAverageEnd}), Chromium ${m.chromium}, Node ${m.node}`;
  return [header, '', ...backendTable(r), '', ...appLines(r), ...attributionLines(r), experimentLine(r), '', ...targets, ''].join('\n');
}
