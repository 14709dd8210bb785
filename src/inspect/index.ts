/** The inspect room: one pass -> predictions and every layer's activation. Owns tensor lifetimes. */
export * from './types';
export * from './inspector';
export * from './stats';
export * from './labels';
export * from './errors';
export * from './layer-data';
export * from './session';
