/** Weights: browser-safe exports. Node code imports `createFsSource` from './source-node'. */
export * from './errors';
export * from './manifest';
export * from './descriptor';
export * from './source';
export * from './load';
