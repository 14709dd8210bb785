/** The engine as Node runs it (the command line, the tests): weights from a directory. */
import '@tensorflow/tfjs-backend-wasm';
import { createFsSource } from '../model/weights/source-node';
import { Engine } from './engine';

export function createNodeEngine(): Engine {
  return new Engine({ host: 'page', hostReason: 'Node has no page', weightsSource: (dir) => createFsSource(dir) });
}
