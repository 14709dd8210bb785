// Runs the real benchmark in its quick mode and checks its JSON: every field present, every
// figure a finite number. No timing assertions: these machines are noisy.
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

  it('measured both browser backends, Node, the threads comparison and the real app', () => {
    expect(report.browser.wasm.backend).toBe('wasm');
    expect(report.browser.webgl.backend).toBe('webgl');
    expect(report.node.wasm.backend).toBe('wasm');
    expect(report.threads.singleThreads).toBe(1);
    expect(report.app.coldStartRuns).toBeGreaterThan(0);
    expect(report.targets.map((t) => t.name)).toHaveLength(6);
  });

  it('the schema check catches a missing or non-finite figure in that real output', () => {
    const broken = structuredClone(report) as unknown as { browser: { wasm: Record<string, unknown> }; app: Record<string, unknown> };
    broken.browser.wasm.ratio = Number.NaN;
    delete broken.app.layerSwitchMs;
    expect(validateReport(broken)).toEqual([
      'browser.wasm.ratio should be a finite number, got NaN',
      'app.layerSwitchMs should be a finite number, got undefined',
    ]);
  });
});
