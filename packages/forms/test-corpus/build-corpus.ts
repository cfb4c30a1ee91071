/**
 * Write the corpus as .xlsx files, to open in Excel or to upload by hand:
 *
 *   pnpm --filter @tern/forms build-corpus [out-dir]     (default: ./xlsform-corpus)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CORPUS, toXlsx } from './index.ts';

const out = resolve(process.argv[2] ?? 'xlsform-corpus');
mkdirSync(out, { recursive: true });
for (const form of CORPUS) {
  writeFileSync(join(out, `${form.name}.xlsx`), toXlsx(form));
  // Attached files beside the workbook, as ODK and Kobo keep a form's media files.
  for (const [name, text] of Object.entries(form.files ?? {}))
    writeFileSync(join(out, `${form.name}.${name}`), text);
}
process.stdout.write(`${CORPUS.length} forms written to ${out}\n`);
