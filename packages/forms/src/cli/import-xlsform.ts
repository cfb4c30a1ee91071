/**
 * Import an XLSForm into a Tern form definition (JSON).
 *
 *   npx tsx packages/forms/src/cli/import-xlsform.ts form.xlsx [--out form.json] [--force]
 *
 * Problems go to stderr as `sheet!row column: message`. With any problem nothing is written and the
 * exit code is 1, unless --force writes what could be imported (exit code 2 then, so scripts notice).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { importXlsForm } from '../xlsform/import-xlsform.ts';

function main(argv: string[]): number {
  const args = argv.filter((a) => !a.startsWith('--'));
  const outAt = argv.indexOf('--out');
  const out = outAt >= 0 ? argv[outAt + 1] : undefined;
  const force = argv.includes('--force');
  const file = args.find((a) => a !== out);
  if (!file || (outAt >= 0 && !out)) {
    process.stderr.write('usage: import-xlsform <form.xlsx> [--out form.json] [--force]\n');
    return 64;
  }
  const { form, problems } = importXlsForm(new Uint8Array(readFileSync(file)));
  for (const p of problems)
    process.stderr.write(`${p.sheet}!${p.row}${p.column ? ` ${p.column}` : ''}: ${p.message}\n`);
  if (!form) {
    process.stderr.write('No form definition could be built.\n');
    return 1;
  }
  if (problems.length > 0 && !force) {
    process.stderr.write(
      `${problems.length} problem(s); nothing written (use --force to write what was imported).\n`,
    );
    return 1;
  }
  const json = JSON.stringify(form, null, 2) + '\n';
  if (out) writeFileSync(out, json);
  else process.stdout.write(json);
  return problems.length > 0 ? 2 : 0;
}

process.exitCode = main(process.argv.slice(2));
