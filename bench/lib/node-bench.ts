/** Runs bench/node/run-node.ts in a child Node process (its own heap, its own tfjs). */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { NodeFigures, RunPlan } from '../core/types';
import { ROOT } from './app-server';

/**
 * Runs a bench script in a child Node process (its own heap, its own tfjs) and returns the
 * JSON object it prints on its last line; `what` names it in the error when it fails.
 */
export function runNodeScript<T>(script: string, args: readonly string[], what: string): Promise<T> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, script), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => { out += chunk; });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) return reject(new Error(`the ${what} failed (exit ${code})`));
      resolve(JSON.parse(last) as T);
    });
  });
}

export function runNodeBench(plan: Pick<RunPlan, 'rounds' | 'warmRuns' | 'images'>, layer: string): Promise<NodeFigures> {
  return runNodeScript<NodeFigures>('bench/node/run-node.ts', [...[plan.rounds, plan.warmRuns, plan.images].map(String), layer], 'Node benchmark');
}
