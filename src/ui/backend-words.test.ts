import { describe, expect, it } from 'vitest';
import { planBackends, STARTUP_FAILURE, type BackendName } from '../client/backend-policy';
import { hostWhyText, type HostWhy } from '../client/host-policy';
import { chinese } from '../test-support/chinese';
import { backendReason, hostReason } from './backend-words';
import { english } from './i18n/i18n';

const SWIFTSHADER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';

describe('the backend’s reason in the page’s language', () => {
  it.each([
    ['asked for', { available: true, renderer: SWIFTSHADER }, 'wasm'],
    ['no WebGL', { available: false, renderer: null }, null],
    ['software WebGL', { available: true, renderer: SWIFTSHADER }, null],
    ['a hardware GPU', { available: true, renderer: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)' }, null],
  ] as const)('%s: English as the policy says it, and Chinese', (_, probe, requested) => {
    const plan = planBackends(probe, requested);
    expect(backendReason({ why: plan.why, startFailures: [] }, null, english)).toBe(plan.reason);
    expect(backendReason({ why: plan.why, startFailures: [] }, null, chinese)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('says each backend that could not start as the engine writes it', () => {
    for (const backend of ['webgl', 'wasm', 'cpu'] as BackendName[]) {
      const facts = { why: { code: 'no-webgl' as const }, startFailures: [{ backend, cause: 'no-start' as const, detail: STARTUP_FAILURE[backend] }] };
      expect(backendReason(facts, null, english)).toBe(`WebGL is not available in this browser; ${backend} could not start (${STARTUP_FAILURE[backend]})`);
    }
    const thrown = { why: { code: 'hardware-webgl' as const }, startFailures: [{ backend: 'webgl' as const, cause: 'error' as const, detail: 'Failed to compile fragment shader.' }] };
    expect(backendReason(thrown, null, english)).toBe('WebGL is hardware-accelerated; webgl failed: Failed to compile fragment shader.');
    expect(backendReason(thrown, null, chinese)).toBe('WebGL 有硬件加速；webgl 出错：Failed to compile fragment shader.');
  });
});

describe('why the model runs in the page, in the page’s language', () => {
  it.each<HostWhy>([
    { code: 'no-workers' }, { code: 'safari-webgl' }, { code: 'no-offscreen-webgl' }, { code: 'worker-failed', detail: 'Workers are not allowed here' },
  ])('$code: English as the report says it, and Chinese', (why) => {
    expect(hostReason(why, english)).toBe(hostWhyText(why));
    expect(hostReason(why, chinese)).toMatch(/[\u4e00-\u9fff]/);
  });
});

