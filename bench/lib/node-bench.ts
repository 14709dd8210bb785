/** Runs bench/node/run-node.ts in a child Node process (its own heap, its own tfjs). */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { NodeFigures, RunPlan } from '../core/types';
import { ROOT } from './app-server';

export function runNodeBench(plan: Pick<RunPlan, 'rounds' | 'warmRuns' | 'images'>, layer: string): Promise<NodeFigures> {
  const script = path.join(ROOT, 'bench/node/run-node.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...[plan.rounds, plan.warmRuns, plan.images].map(String), layer], {
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
      if (code !== 0 || !last.startsWith('{')) return reject(new Error(`the Node benchmark failed (exit ${code})`));
      resolve(JSON.parse(last) as NodeFigures);
    });
  });
}
