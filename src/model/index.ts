/** The model room's public face: pure tfjs, no React, no DOM. */
export * from './architecture';
export * from './names';
export * from './presets';
export * from './layer-info';
export { buildResNet50, type BuiltResNet, type BuildOptions } from './resnet50';
export { identityBlock, convolutionalBlock } from './blocks';
export * from './summary';
export { loadImagenet, type ImagenetModel, type ImagenetLoadOptions, type LoadPhase } from './imagenet';
