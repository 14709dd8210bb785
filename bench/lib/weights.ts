/** weightsBytes: the shard files each weights copy's model.json lists, as served. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { IMAGENET_WEIGHTS } from '../../src/model/weights/descriptor';
import type { WeightsVariant } from '../../src/model/weights/manifest';
import { ROOT } from './app-server';

interface ModelJson {
  readonly weightsManifest: readonly { readonly paths: readonly string[] }[];
}

export async function weightsBytes(variant: WeightsVariant): Promise<number> {
  const dir = path.join(ROOT, 'public', IMAGENET_WEIGHTS[variant].path);
  const model = JSON.parse(await readFile(path.join(dir, 'model.json'), 'utf8')) as ModelJson;
  const files = model.weightsManifest.flatMap((group) => group.paths);
  const sizes = await Promise.all(files.map(async (file) => (await stat(path.join(dir, file))).size));
  return sizes.reduce((a, b) => a + b, 0);
}
