import { describe, expect, it } from 'vitest';
import { hostFor, hostWhyText, type WorkerCapabilities } from './host-policy';

const GPU = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060)';
const SWIFTSHADER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const CHROME: WorkerCapabilities = { workers: true, offscreenWebGL2: true, safari: false };

describe('hostFor', () => {
  it('puts the model in a worker wherever the chosen backend can run there', () => {
    expect(hostFor({ requested: null, renderer: GPU, webgl: true }, CHROME)).toBeNull();
    expect(hostFor({ requested: null, renderer: SWIFTSHADER, webgl: true }, CHROME)).toBeNull();
    expect(hostFor({ requested: null, renderer: null, webgl: false }, { ...CHROME, offscreenWebGL2: false })).toBeNull();
  });

  it('keeps WASM in a worker on Safari, but WebGL in the page, and says why', () => {
    const safari = { workers: true, offscreenWebGL2: true, safari: true };
    expect(hostFor({ requested: null, renderer: SWIFTSHADER, webgl: true }, safari)).toBeNull();
    expect(hostFor({ requested: null, renderer: 'Apple GPU', webgl: true }, safari)).toEqual({ code: 'safari-webgl' });
    expect(hostFor({ requested: 'webgl', renderer: SWIFTSHADER, webgl: true }, safari)).toEqual({ code: 'safari-webgl' });
    expect(hostWhyText({ code: 'safari-webgl' })).toMatch(/cannot run it inside a worker/);
  });

  it('runs in the page without OffscreenCanvas WebGL2 when WebGL is wanted, or without workers at all', () => {
    expect(hostFor({ requested: null, renderer: GPU, webgl: true }, { ...CHROME, offscreenWebGL2: false })).toEqual({ code: 'no-offscreen-webgl' });
    expect(hostWhyText({ code: 'no-offscreen-webgl' })).toMatch(/no OffscreenCanvas/);
    expect(hostFor({ requested: 'wasm', renderer: GPU, webgl: true }, { ...CHROME, workers: false })).toEqual({ code: 'no-workers' });
    expect(hostWhyText({ code: 'no-workers' })).toBe('this browser has no Web Workers');
  });
});
