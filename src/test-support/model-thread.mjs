// Boots model-thread.ts in a worker thread: TypeScript through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('./model-thread.ts');
