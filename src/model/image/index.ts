/** Image input, shared by the browser and the command line: sniffing, limits, types. */
export * from './types';
export * from './errors';
export * from './notes';
export { sniffImage, DEFAULT_MAX_PIXELS, DEFAULT_MAX_SIDE } from './sniff';
