// Boots engine-thread.ts in a worker thread: TypeScript through tsx's loader (the CLI runs under tsx).
import { register } from 'tsx/esm/api';

register();
await import('./engine-thread.ts');
