import { describe, expect, it } from 'vitest';
import { errorText } from '../client/errors';
import { english } from '../ui/i18n/i18n';
import { describeRunError, isGpuFailure } from './run-errors';

describe('isGpuFailure', () => {
  it.each([
    'Requested texture size [16384x20000] greater than WebGL maximum on this browser / GPU [16384x16384].',
    'Failed to compile fragment shader.',
    'Failed to link vertex and fragment shaders.',
    'GL ERROR: OUT_OF_MEMORY',
    'WebGL: CONTEXT_LOST_WEBGL: loseContext: context lost',
    'Out of GPU memory while allocating a texture',
    'Unable to create WebGLTexture.',
    'Unable to create WebGLBuffer',
    'texture size 70000 is too large',
  ])('recognises "%s"', (message) => {
    expect(isGpuFailure(message)).toBe(true);
  });

  it.each([
    'This file is not an image (it looks like text).',
    'Layer res2a has no channel 70',
    'Error when checking : expected input_1 to have shape [null,224,224,3]',
    'The model could not be loaded: Weights file model.json is missing.',
  ])('leaves "%s" alone', (message) => {
    expect(isGpuFailure(message)).toBe(false);
  });
});

describe('describeRunError', () => {
  it('explains a GPU failure and points to WASM', () => {
    const failure = describeRunError(new Error('Requested texture size [1x70000] greater than WebGL maximum on this browser / GPU [16384x16384].\n    at validateTextureSize'));
    expect(failure.gpu).toBe(true);
    const message = english.said(failure.message);
    expect(message).toMatch(/^The graphics card could not run the network on this image/);
    expect(message).toContain('greater than WebGL maximum');
    expect(message).toContain('Switching to WASM');
    expect(message).not.toContain('validateTextureSize');
  });

  it('keeps other failures plain', () => {
    const failure = describeRunError(new Error('boom'));
    expect(failure.gpu).toBe(false);
    expect(english.said(failure.message)).toBe('The network failed on this image: boom');
  });

  it('reads messages from plain objects and strings too', () => {
    expect(errorText({ message: 'Make sure the server can serve the `.wasm` file' })).toBe('Make sure the server can serve the `.wasm` file');
    expect(errorText('out of memory')).toBe('out of memory');
    expect(describeRunError({ message: 'CONTEXT_LOST_WEBGL' }).gpu).toBe(true);
  });
});
