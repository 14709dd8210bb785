/**
 * WebAssembly codecs in Node (the command line's WebP decoder, the tests' WebP encoder).
 * WebAssembly is typed here: tsconfig.pure.json checks this folder without the DOM lib, which
 * is where TypeScript declares the WebAssembly global.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

interface WasmCompiler {
  compile(bytes: Uint8Array): Promise<object>;
}

export const nodeWasm = (globalThis as unknown as { readonly WebAssembly: WasmCompiler }).WebAssembly;

/**
 * A @jsquash codec's `init`, run once on first use with its .wasm (a package path such as
 * `@jsquash/webp/codec/dec/webp_dec.wasm`) read from node_modules and compiled. Its JavaScript
 * takes a compiled module first; its .d.ts declares only the options.
 */
export function jsquashCodec(init: unknown, wasm: string): () => Promise<void> {
  let ready: Promise<void> | null = null;
  return () => {
    ready ??= (async () => {
      const file = createRequire(import.meta.url).resolve(wasm);
      await (init as (module: object) => Promise<void>)(await nodeWasm.compile(await readFile(file)));
    })();
    return ready;
  };
}
