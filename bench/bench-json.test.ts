// Runs the real benchmark in its quick mode and checks its JSON: every field present, every
// figure a finite number, the targets computed from those figures. No timing assertions:
// these machines are noisy, and a target not met is reported, not failed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateReport, type BenchReport } from './core/report';

const ROOT = path.resolve(import.meta.dirname, '..');
let stdout = '';
let report: BenchReport;

beforeAll(() => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--quick', '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 2 ** 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  expect(run.status, 'npm run bench -- --quick --json failed').toBe(0);
  stdout = run.stdout;
  report = JSON.parse(stdout) as BenchReport;
}, 600_000);

describe('npm run bench -- --quick --json', () => {
  it('prints one JSON document on stdout, nothing else, and saves it as bench/out/latest.json', () => {
    expect(stdout.trim().startsWith('{')).toBe(true);
    expect(JSON.parse(readFileSync(path.join(ROOT, 'bench/out/latest.json'), 'utf8'))).toEqual(report);
  });

  it('has every field, each figure a finite number', () => {
    expect(validateReport(report)).toEqual([]);
    expect(report.quick).toBe(true);
  });

  it('measured both browser backends in a worker, Node, the threads comparison and the real app', () => {
    expect(report.browser.wasm.backend).toBe('wasm');
    expect(report.browser.webgl.backend).toBe('webgl');
    expect(report.browser.wasm.host).toBe('worker');
    expect(report.browser.webgl.host).toBe('worker');
    expect(report.browser.wasm.preset).toBe('imagenet');
    expect(report.node.wasm.backend).toBe('wasm');
    expect(report.threads.singleThreads).toBe(1);
    expect(report.app.coldStartRuns).toBeGreaterThan(0);
    expect(report.schemaVersion).toBe(2);
  });

  it('watched the real app\'s main thread over a run of images on WASM and on WebGL', () => {
    const { wasm, webgl } = report.mainThread;
    expect([wasm.backend, webgl.backend]).toEqual(['wasm', 'webgl']);
    expect(wasm.preset).toBe('imagenet');
    expect(['imagenet', 'signs']).toContain(webgl.preset);
    expect(wasm.images).toBe(10);
    expect(webgl.images).toBeGreaterThan(0);
    for (const run of [wasm, webgl]) {
      expect(run.longTasks).toBeGreaterThanOrEqual(0);
      // Zero, or a task over the 50 ms that makes it long.
      expect(run.longTasks === 0 ? run.longestTaskMs === 0 : run.longestTaskMs >= 50).toBe(true);
      expect(run.longTasksTotalMs).toBeGreaterThanOrEqual(run.longestTaskMs);
    }
  });

  it('has the first graph, the main bundle and the memory counted inside the app\'s worker', () => {
    const { app } = report;
    expect(app.firstGraphMs).toBeGreaterThan(0);
    expect(app.firstGraphMs).toBeLessThan(app.coldStartEmptyCacheMs);
    expect(app.mainBundleFiles).toBeGreaterThan(0);
    expect(app.mainBundleGzipBytes).toBeGreaterThan(0);
    expect(app.mainBundleGzipBytes).toBeLessThan(app.mainBundleBytes);
    expect(app.workerMemory.images).toBeGreaterThan(1);
    expect(app.workerMemory.numTensorsAfter1).toBeGreaterThan(0);
  });

  it('checks every target of the issue', () => {
    expect(report.targets.map((t) => t.name)).toHaveLength(10);
    for (const t of report.targets) expect(t.met).toBe(t.op === '<=' ? t.value <= t.limit : t.op === '>=' ? t.value >= t.limit : t.value === t.limit);
  });

  it('the schema check catches a missing or non-finite figure in that real output', () => {
    type Loose = { browser: { wasm: Record<string, unknown> }; app: Record<string, unknown> & { workerMemory: Record<string, unknown> }; mainThread: { webgl: Record<string, unknown> } };
    const broken = structuredClone(report) as unknown as Loose;
    broken.browser.wasm.ratio = Number.NaN;
    delete broken.app.layerSwitchMs;
    broken.app.workerMemory.numTensorsGrowth = Number.POSITIVE_INFINITY;
    broken.mainThread.webgl.longestTaskMs = '12';
    expect(validateReport(broken)).toEqual([
      'browser.wasm.ratio should be a finite number, got NaN',
      'app.layerSwitchMs should be a finite number, got undefined',
      'app.workerMemory.numTensorsGrowth should be a finite number, got Infinity',
      'mainThread.webgl.longestTaskMs should be a finite number, got "12"',
    ]);
  });
});
