import { parentPort } from 'node:worker_threads';
import { importXlsForm } from '@tern/forms/xlsform';

/**
 * The XLSForm import, on its own thread (started by import-in-worker.ts through
 * xlsform-worker-boot.mjs): it receives the workbook's bytes and the form's attached files, answers the ImportResult and is then
 * ended. A hostile workbook that is slow or greedy kills only this thread.
 */
parentPort!.once('message', (m: { workbook: Uint8Array; files: Array<[string, Uint8Array]> }) => {
  parentPort!.postMessage(importXlsForm(m.workbook, { files: new Map(m.files) }));
});
parentPort!.postMessage('ready');
