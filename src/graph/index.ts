/** The graph room's public face: model topology -> tree -> layout, as plain data. */
export * from './tree';
export * from './layout';
export * from './tint';
export * from './expansion';
export * from './navigation';
export * from './viewport';
export { roundedPath } from './edges';
export { shapeText, paramsText, kindTag } from './format';
