// Worker entry: the server runs from TypeScript source, and a worker thread does not inherit the
// loader of the process that started it, so tsx is registered here before the worker's module loads.
import { register } from 'tsx/esm/api';

register();
await import('./xlsform-worker.ts');
