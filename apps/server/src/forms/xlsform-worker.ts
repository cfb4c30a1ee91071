import { parentPort } from 'node:worker_threads';
import { importXlsForm } from '@tern/forms/xlsform';

/**
 * The XLSForm import, on its own thread (started by import-in-worker.ts through
 * xlsform-worker-boot.mjs): it receives the workbook's bytes, answers the ImportResult and is then
 * ended. A hostile workbook that is slow or greedy kills only this thread.
 */
parentPort!.once('message', (bytes: Uint8Array) => {
  parentPort!.postMessage(importXlsForm(bytes));
});
parentPort!.postMessage('ready');
