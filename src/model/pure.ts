/**
 * The model room without tfjs: everything the page's main thread may import. The
 * architecture table and its vocabulary, presets, the layer plan and its summary, the
 * weights' descriptor and file checks, the preprocessing each set of weights wants, and
 * image sniffing. Lint keeps src/app and src/ui on this barrel, and this barrel's import
 * graph free of tfjs (tsconfig.pure.json checks it without the DOM, too).
 */
export * from './vocabulary';
export * from './architecture';
export * from './names';
export * from './presets';
export * from './layer-info';
export * from './layer-shapes';
export * from './plan';
export * from './summary';
export * from './summary-text';
export * from './layer-teaching';
export * from './assignment-code';
export * from './preprocessing';
export * from './image';
export * from './image/exif';
export * from './weights/errors';
export * from './weights/manifest';
export * from './weights/descriptor';
export * from './weights/source';
