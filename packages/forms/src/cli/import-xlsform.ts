/**
 * Import an XLSForm into a Tern form definition (JSON).
 *
 *   npx tsx packages/forms/src/cli/import-xlsform.ts form.xlsx [--out form.json] [--accept-warnings]
 *
 * Problems go to stderr as `error: sheet!row column: message` (or `warning: …`). With any error nothing
 * is written and the exit code is 1. With warnings only, nothing is written either unless
 * --accept-warnings (the admin screen's "publish with N warnings"); the exit code is then 2, so
 * scripts notice. A clean form exits 0.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { importXlsForm } from '../xlsform/import-xlsform.ts';
import { formatImportProblem } from '../xlsform/problem.ts';

function main(argv: string[]): number {
  const args = argv.filter((a) => !a.startsWith('--'));
  const outAt = argv.indexOf('--out');
  const out = outAt >= 0 ? argv[outAt + 1] : undefined;
  const accept = argv.includes('--accept-warnings') || argv.includes('--force');
  const file = args.find((a) => a !== out);
  if (!file || (outAt >= 0 && !out)) {
    process.stderr.write('usage: import-xlsform <form.xlsx> [--out form.json] [--accept-warnings]\n');
    return 64;
  }
  const { form, problems } = importXlsForm(new Uint8Array(readFileSync(file)));
  for (const p of problems) process.stderr.write(formatImportProblem(p) + '\n');
  if (!form) {
    const n = problems.filter((p) => p.severity === 'error').length;
    process.stderr.write(`${n} error(s); no form definition was written.\n`);
    return 1;
  }
  if (problems.length > 0 && !accept) {
    process.stderr.write(
      `${problems.length} warning(s); nothing written (use --accept-warnings to write the form).\n`,
    );
    return 1;
  }
  const json = JSON.stringify(form, null, 2) + '\n';
  if (out) writeFileSync(out, json);
  else process.stdout.write(json);
  return problems.length > 0 ? 2 : 0;
}

process.exitCode = main(process.argv.slice(2));
