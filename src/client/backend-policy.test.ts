import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer, planBackends } from './backend-policy';

const SWIFTSHADER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';

describe('planBackends', () => {
  it('prefers WebGL on a hardware renderer', () => {
    const plan = planBackends({ available: true, renderer: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060)' }, null);
    expect(plan.order).toEqual(['webgl', 'wasm', 'cpu']);
    expect(plan.softwareWebGL).toBe(false);
  });
  it('picks WASM when told the renderer is SwiftShader, and says why', () => {
    const plan = planBackends({ available: true, renderer: SWIFTSHADER }, null);
    expect(plan.order).toEqual(['wasm', 'webgl', 'cpu']);
    expect(plan.softwareWebGL).toBe(true);
    expect(plan.reason).toContain('software-rendered');
  });
  it('picks WASM then CPU when WebGL is missing', () => {
    expect(planBackends({ available: false, renderer: null }, null).order).toEqual(['wasm', 'cpu']);
  });
  it('lets the user override the choice', () => {
    expect(planBackends({ available: true, renderer: SWIFTSHADER }, 'webgl').order).toEqual(['webgl', 'wasm', 'cpu']);
    expect(planBackends({ available: true, renderer: null }, 'cpu').order).toEqual(['cpu', 'webgl', 'wasm']);
  });
  it('recognises software renderers by name', () => {
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('Apple M2')).toBe(false);
    expect(isSoftwareRenderer(null)).toBe(false);
  });
});
