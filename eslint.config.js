import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Upward imports: model/, inspect/ and graph/ never reach the rooms built on them. */
const LAYERING = ['**/ui/**', '**/app/**', '**/cli/**', 'react', 'react-dom'];

/** The d3 modules that touch the DOM (React owns it); the rest of d3 is math. */
const D3_DOM_MODULES = ['d3-selection', 'd3-zoom', 'd3-drag', 'd3-brush', 'd3-transition', 'd3-axis'];
const D3_DOM_NAMES = [
  'select', 'selectAll', 'selection', 'create', 'creator', 'matcher', 'selector', 'selectorAll',
  'style', 'window', 'pointer', 'pointers', 'local', 'zoom', 'zoomTransform', 'drag', 'brush',
  'brushX', 'brushY', 'brushSelection', 'transition', 'active', 'interrupt',
  'axisTop', 'axisRight', 'axisBottom', 'axisLeft',
];
const D3_DOM_BAN = {
  name: 'd3',
  importNames: D3_DOM_NAMES,
  message: 'model/, graph/ and inspect/ use d3 for math only; the DOM belongs to React in src/ui/.',
};

/** tfjs itself, and the model modules that load it (directly or through what they import). */
const TFJS_MODULES = '^@tensorflow/|(^|/)model(/index|/resnet50|/summarize|/preprocess|/imagenet|/weights/load)?$';
const NO_TFJS = { regex: TFJS_MODULES, message: 'This module stays free of tfjs: import the tfjs-free modules (model/pure).' };

/**
 * The page's main thread holds no tfjs: app/ and ui/ see the model room only through its
 * tfjs-free barrel, src/model/pure.ts (the worker in src/engine/ owns tfjs).
 */
const PURE_BARREL_ONLY = {
  regex: '^@tensorflow/|(^|/)model(/(?!pure$).*)?$',
  message: 'src/app and src/ui import the model room only through src/model/pure (no tfjs on the main thread).',
};

/** The files model/pure.ts exports, plus graph/: none may import tfjs. */
const TFJS_FREE_FILES = [
  'src/model/pure.ts', 'src/model/vocabulary.ts', 'src/model/architecture.ts', 'src/model/names.ts',
  'src/model/presets.ts', 'src/model/layer-info.ts', 'src/model/layer-shapes.ts', 'src/model/plan.ts',
  'src/model/blocks.ts', 'src/model/summary.ts', 'src/model/summary-text.ts', 'src/model/layer-teaching.ts', 'src/model/preprocessing.ts',
  'src/model/image/index.ts', 'src/model/image/types.ts', 'src/model/image/errors.ts', 'src/model/image/sniff.ts',
  'src/model/image/exif.ts', 'src/model/image/header-readers.ts', 'src/model/image/byte-reader.ts',
  'src/model/weights/errors.ts', 'src/model/weights/manifest.ts', 'src/model/weights/descriptor.ts',
  'src/model/weights/source.ts', 'src/graph/**/*.ts', 'src/explain/receptive-field.ts',
  // What receptive-field.ts reads from inspect/ (its unknown-layer error).
  'src/inspect/errors.ts', 'src/inspect/labels.ts', 'src/inspect/npy.ts', 'src/explain/types.ts', 'src/explain/field-mass.ts',
];

export default tseslint.config(
  { ignores: ['scratch', 'dist', 'node_modules', 'public/models', 'test-results', 'playwright-report', 'bench/out'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The README's one-way imports leave no room for cycles, type-only ones included.
    files: ['src/**/*.{ts,tsx}', 'bench/**/*.ts', 'e2e/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // One-way imports: model/ and inspect/ are the engine's, graph/ is pure layout; none reaches up.
    files: ['src/model/**/*.ts', 'src/graph/**/*.ts', 'src/inspect/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [D3_DOM_BAN], patterns: [...LAYERING, ...D3_DOM_MODULES] }],
    },
  },
  {
    // The same, and no tfjs: what the page's main thread may load.
    files: TFJS_FREE_FILES,
    rules: {
      'no-restricted-imports': ['error', {
        paths: [D3_DOM_BAN],
        patterns: [{ group: [...LAYERING, ...D3_DOM_MODULES] }, NO_TFJS],
      }],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/ui/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [PURE_BARREL_ONLY] }] },
  },
);
