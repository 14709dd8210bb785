/**
 * Opening a person's model from its files, where the model runs: the file is read and
 * checked (src/formats/), mapped onto the architecture table and filled (model/file-model/),
 * then wrapped in a session like a preset's. The readers (h5wasm, fflate) are loaded here,
 * on first use, so neither bundle carries them until someone opens a file.
 */
import { ModelSession } from '../inspect/session';
import { preprocessingOf, type PreprocessChoice } from '../model/preprocessing';
import { abortError, throwIfAborted } from '../client/errors';
import type { ModelOrigin, OpenFilesRequest, OpenOptions } from '../client/types';

export interface OpenedFile {
  readonly session: ModelSession;
  readonly origin: ModelOrigin;
}

const NO_HEAD = 'This model was saved without its classification head (include_top=False): its layers can be inspected, but it gives no classes.';

function stemOf(name: string): string {
  return name.replace(/^.*[\\/]/, '').replace(/(\.weights)?\.(keras|h5|hdf5|json)$/i, '');
}

export async function openFileSession(request: OpenFilesRequest, { onProgress, signal }: OpenOptions = {}): Promise<OpenedFile> {
  const [{ openModelFiles }, { loadArchive }, { defaultLabels, parseLabels }] = await Promise.all([
    import('../formats/open'), import('../model/file-model/load'), import('../model/file-model/labels'),
  ]);
  throwIfAborted(signal);
  const totalBytes = request.files.reduce((n, f) => n + f.bytes.byteLength, 0);
  onProgress?.({ phase: 'decoding', loadedBytes: 0, totalBytes });
  const archive = await openModelFiles(request.files);
  let loaded;
  try {
    onProgress?.({ phase: 'building', loadedBytes: 0, totalBytes });
    loaded = loadArchive(archive, {
      inputSize: request.inputSize,
      onProgress: (p) => onProgress?.({ phase: 'decoding', ...p }),
    });
  } finally {
    archive.close();
  }
  const { built, resolved } = loaded;
  let session: ModelSession | null = null;
  try {
    const classes = built.config.classes;
    const labels = request.labels
      ? { labels: parseLabels(request.labels.name, new TextDecoder().decode(request.labels.bytes), classes), source: 'file' as const }
      : defaultLabels(classes, resolved.scheme);
    const preprocess: PreprocessChoice = request.preprocess ?? (resolved.scheme === 'seed' && classes === 6 ? 'x255' : 'caffe');
    session = ModelSession.fromBuilt(built, labels.labels, preprocessingOf(preprocess));
    if (request.warmUp) {
      onProgress?.({ phase: 'warming-up', loadedBytes: totalBytes, totalBytes });
      await session.warmUp();
    }
    if (signal?.aborted) throw abortError();
    const origin: ModelOrigin = {
      kind: 'file', name: stemOf(archive.file), files: request.files.map((f) => f.name), format: archive.format,
      kerasVersion: archive.kerasVersion, scheme: resolved.scheme, preprocess, labels: labels.source,
      inputSizeFromFile: resolved.inputSizeFromFile, noClasses: built.config.head === 'none' ? NO_HEAD : null,
    };
    return { session, origin };
  } catch (err) {
    if (session) session.dispose();
    else built.model.dispose();
    throw err;
  }
}
