/**
 * WebAssembly as Node has it, typed here: tsconfig.pure.json checks this folder without the
 * DOM lib, which is where TypeScript declares the WebAssembly global.
 */
interface WasmCompiler {
  compile(bytes: Uint8Array): Promise<object>;
}

export const nodeWasm = (globalThis as unknown as { readonly WebAssembly: WasmCompiler }).WebAssembly;
