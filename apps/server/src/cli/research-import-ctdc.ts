import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { openCtdcSources } from '@tern/research';
import type { ImportReport } from '@tern/research';

/** The report as an operator reads it: what was imported, or each rejected line and why nothing was. */
export function formatReport(r: ImportReport): string {
  const lines = r.ok
    ? [`imported ${r.id} "${r.label}": ${r.rows.toLocaleString('en')} rows in ${r.seconds.toFixed(1)} s`]
    : [`nothing imported into ${r.id}: ${r.problem}`];
  if (r.fatal) lines.push(`  line ${r.fatal.line}: ${r.fatal.reason}`);
  for (const x of r.rejected) lines.push(`  line ${x.line}: ${x.reason}`);
  if (r.rejectedTotal > r.rejected.length)
    lines.push(`  … and ${r.rejectedTotal - r.rejected.length} more rejected rows`);
  if (!r.ok) lines.push('  the source, if it existed, is unchanged');
  return lines.join('\n');
}

// Usage (the server may be running: it sees the new version at its next research query):
//   TERN_DATA_DIR=… node --import tsx apps/server/src/cli/research-import-ctdc.ts <file.csv> --id <id> --label <label>
// Exit status 0 when imported, 1 when nothing was (the report says why), 2 for a usage error.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const usage = 'usage: research-import-ctdc.ts <file.csv> --id <id> --label <label>';
  let file: string | undefined;
  let id: string | undefined;
  let label: string | undefined;
  try {
    const { values, positionals } = parseArgs({
      options: { id: { type: 'string' }, label: { type: 'string' } },
      allowPositionals: true,
    });
    [file, id, label] = [positionals[0], values.id, values.label];
  } catch (e) {
    console.error(`${(e as Error).message}\n${usage}`);
    process.exit(2);
  }
  if (!file || !id || !label) {
    console.error(usage);
    process.exit(2);
  }
  const { readConfig } = await import('../config.ts');
  const sources = await openCtdcSources(readConfig().research.sourcesDir);
  try {
    const report = await sources.import(id, label, createReadStream(file));
    console.log(formatReport(report));
    process.exitCode = report.ok ? 0 : 1;
  } catch (e) {
    console.error(`research-import-ctdc: ${(e as Error).message}`);
    process.exitCode = 1;
  } finally {
    await sources.close();
  }
}
