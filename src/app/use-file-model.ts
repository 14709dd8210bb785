/**
 * A person's own model, opened from files they dropped or picked. Opening never disturbs
 * what the page shows: the preset (or the file model) on show stays until the new one is
 * open, and stays when opening fails or is cancelled. The files are remembered (a File is a
 * reference, not a copy), so a change of preprocessing or input size, a fresh engine, or
 * choosing the model again in the menu opens them again.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { errorText, isAbortError } from '../client/errors';
import { said, type Said } from '../ui/i18n/i18n';
import type { LoadProgress, ModelClient, ModelFile, OpenedFileModel, PreprocessChoice } from '../client/types';
import { checkSize } from '../formats/limits';
import type { OpeningModel } from '../ui/model-file/LocalModelPanel';
import type { NamedBlob } from '../ui/view-data';
import type { ModelHandle } from './use-model';

export interface FileModelHandle extends ModelHandle {
  readonly model: OpenedFileModel;
  readonly key: string;
}

/** What the person chose; null leaves it to the file (the engine's defaults). */
export interface FileModelSettings {
  readonly preprocess: PreprocessChoice | null;
  readonly inputSize: number | null;
}

export interface FileSource {
  readonly files: readonly NamedBlob[];
  readonly labels: NamedBlob | null;
  readonly settings: FileModelSettings;
}

export interface FileModel {
  /** The open file model; null when a preset is shown. */
  readonly handle: FileModelHandle | null;
  /**
   * The engine that held `handle` is gone (a backend switch, a worker that died) and the
   * files are being opened again on the fresh one: the model stays on show, nothing runs.
   */
  readonly reopening: boolean;
  /** The files last opened (the menu keeps offering them once closed); null before any. */
  readonly source: FileSource | null;
  /** The model last opened from them (its name stays in the menu once closed); null before any. */
  readonly last: OpenedFileModel | null;
  /** The main file's name while it is being read, with the engine's progress. */
  readonly opening: OpeningModel | null;
  readonly error: Said | null;
  open(files: readonly NamedBlob[], labels: NamedBlob | null): void;
  /** Opens the same files again with other settings. */
  configure(settings: Partial<FileModelSettings>): void;
  /** Opens the remembered files again (chosen again in the menu). */
  reopen(): void;
  cancel(): void;
  /** Back to the preset: frees every tensor of the file model. */
  close(): void;
  /** Withdraws the error (a newer action of the person's). */
  dismiss(): void;
}

const DEFAULTS: FileModelSettings = { preprocess: null, inputSize: null };

interface State {
  readonly handle: FileModelHandle | null;
  readonly reopening: boolean;
  readonly source: FileSource | null;
  readonly last: OpenedFileModel | null;
  readonly opening: FileModel['opening'];
  readonly error: Said | null;
}

async function readFile(file: NamedBlob): Promise<ModelFile> {
  checkSize(file.name, file.blob.size);
  return { name: file.name, bytes: await file.blob.arrayBuffer() };
}

function mainName(files: readonly NamedBlob[]): string {
  return (files.find((f) => !/\.bin$/i.test(f.name)) ?? files[0])?.name ?? 'model';
}

const NONE: State = { handle: null, reopening: false, source: null, last: null, opening: null, error: null };

export function useFileModel(client: ModelClient | null, epoch: number): FileModel {
  const [state, setState] = useState<State>(NONE);
  // The state as last rendered, for the callbacks (which must not change with it).
  const current = useRef(state);
  useLayoutEffect(() => {
    current.current = state;
  });
  const abort = useRef<AbortController | null>(null);
  // Which open is the latest: an older one that finishes late is closed, never shown.
  const serial = useRef(0);
  // Files given while no engine is ready (starting, or switching backend): opened when one is.
  const pending = useRef<{ readonly source: FileSource; readonly key: string } | null>(null);

  /** Opens `source` as the model `key`: a new key for new files or settings, the same one to re-open them on a fresh engine. */
  const run = useCallback((source: FileSource, key: string) => {
    abort.current?.abort();
    if (!client) {
      pending.current = { source, key };
      setState((s) => ({ ...s, opening: { name: mainName(source.files), progress: null, waiting: true }, error: null }));
      return;
    }
    pending.current = null;
    const controller = new AbortController();
    abort.current = controller;
    const id = ++serial.current;
    const name = mainName(source.files);
    const latest = () => serial.current === id && !controller.signal.aborted;
    setState((s) => ({ ...s, opening: { name, progress: null, waiting: false }, error: null }));
    const onProgress = (progress: LoadProgress) => {
      if (latest()) setState((s) => (s.opening ? { ...s, opening: { name, progress, waiting: false } } : s));
    };
    void (async () => {
      const files = await Promise.all(source.files.map(readFile));
      const labels = source.labels ? await readFile(source.labels) : undefined;
      const { preprocess, inputSize } = source.settings;
      const request = { files, labels, preprocess: preprocess ?? undefined, inputSize: inputSize ?? undefined, warmUp: true };
      const model = await client.openFiles(request, { signal: controller.signal, onProgress });
      if (!latest()) return void client.closeModel(model.modelId).catch(() => undefined);
      const previous = current.current.handle;
      setState({ handle: { client, model, key }, reopening: false, source, last: model, opening: null, error: null });
      if (previous) void previous.client.closeModel(previous.model.modelId).catch(() => undefined);
    })().catch((err: unknown) => {
      if (!latest() || isAbortError(err)) return;
      // A model whose engine is gone cannot stay on show: the preset takes its place.
      const { handle, reopening } = current.current;
      const still = handle && !reopening ? 'model' : 'preset';
      setState((s) => ({
        ...s, handle: reopening ? null : s.handle, reopening: false, opening: null,
        error: said('mf.openFailed', { reason: errorText(err), still }),
      }));
    });
  }, [client]);

  // Which model a result belongs to: new files or settings make a new one.
  const keys = useRef(0);
  const newKey = () => `file:${++keys.current}`;
  const open = useCallback((files: readonly NamedBlob[], labels: NamedBlob | null) => run({ files, labels, settings: DEFAULTS }, newKey()), [run]);
  const configure = useCallback((settings: Partial<FileModelSettings>) => {
    const source = current.current.source;
    if (source) run({ ...source, settings: { ...source.settings, ...settings } }, newKey());
  }, [run]);
  const reopen = useCallback(() => {
    const source = current.current.source;
    if (source) run(source, newKey());
  }, [run]);
  const cancel = useCallback(() => {
    abort.current?.abort();
    pending.current = null;
    // Cancelling a re-open leaves no model to show but the preset.
    setState((s) => ({ ...s, handle: s.reopening ? null : s.handle, reopening: false, opening: null }));
  }, []);
  const close = useCallback(() => {
    abort.current?.abort();
    pending.current = null;
    const { handle } = current.current;
    setState((s) => ({ ...s, handle: null, reopening: false, opening: null, error: null }));
    if (handle) void handle.client.closeModel(handle.model.modelId).catch(() => undefined);
  }, []);

  const dismiss = useCallback(() => setState((s) => (s.error ? { ...s, error: null } : s)), []);

  // A fresh engine (a backend switch, a worker that died) lost the model: open it again
  // there, as the same model (its results stay on show until they have run again).
  const seenEpoch = useRef(epoch);
  useEffect(() => {
    if (epoch === seenEpoch.current) return;
    seenEpoch.current = epoch;
    const { handle, source } = current.current;
    if (handle && source && !pending.current) {
      setState((s) => ({ ...s, reopening: true }));
      run(source, handle.key);
    }
  }, [epoch, run]);

  // Files given before the engine was ready open as soon as it is.
  useEffect(() => {
    const waiting = pending.current;
    if (client && waiting) run(waiting.source, waiting.key);
  }, [client, run]);

  // Leaving the page frees the model.
  useEffect(() => () => {
    abort.current?.abort();
    const { handle } = current.current;
    if (handle) void handle.client.closeModel(handle.model.modelId).catch(() => undefined);
  }, []);

  return { ...state, open, configure, reopen, cancel, close, dismiss };
}
