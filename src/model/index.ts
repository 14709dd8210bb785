/**
 * The model room's public face, tfjs included: for the engine (worker, command line,
 * tests). The page's main thread imports './pure' instead, which holds no tfjs.
 */
export * from './pure';
export { buildResNet50, seededGlorot, type BuiltResNet, type BuildOptions, type Initializer, type KernelInit } from './resnet50';
export { identityBlock, convolutionalBlock } from './blocks';
export { summarize } from './summarize';
export { preprocess, pixelsToInput, pixelsToUnitInput, resizedPreview } from './preprocess';
export { loadImagenet, type ImagenetModel, type ImagenetLoadOptions, type LoadPhase } from './imagenet';
export { derivedTensors, releaseDerived } from './derived';
