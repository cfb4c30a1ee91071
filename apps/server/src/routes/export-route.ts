import type { FastifyInstance } from 'fastify';
import { ExportQuery } from '@tern/api';
import type { WireDoc } from '@tern/sync';
import type { ServerDeps } from '../deps.ts';
import { TernError } from '../errors.ts';
import { toCsv } from '../export/csv.ts';
import { codebookSheet, formSheets } from '../export/export-table.ts';
import type { CaseInfo, Sheet } from '../export/export-table.ts';
import { toXlsx, uniqueSheetNames } from '../export/xlsx.ts';
import { exportFiles } from '../export/export-files.ts';
import type { ExportFile } from '../export/export-files.ts';
import { zipStream, zipTooLarge } from '../export/zip-stream.ts';
import type { ZipEntry } from '../export/zip-stream.ts';
import type { AttachmentStore } from '@tern/store';

/** A data officer's export of the mission's submissions, labelled in the chosen language. */
export async function exportRoute(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  app.get<{ Params: { mission: string } }>('/api/missions/:mission/export', async (req, reply) => {
    const { mission } = req.params;
    await deps.authorize(req, 'export', mission);
    if (!deps.missionExists(mission))
      throw new TernError('TERN_MISSION_NOT_FOUND', `Mission ${JSON.stringify(mission)} does not exist`);
    const parsed = ExportQuery.safeParse(req.query);
    // The files of media answers are the most sensitive data Tern holds: a zip needs both rights.
    if (parsed.success && parsed.data.format === 'zip') await deps.authorize(req, 'attachment.read', mission);
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      throw new TernError('TERN_BAD_REQUEST', `Export: ${i.path.join('.')}: ${i.message}`);
    }
    const q = parsed.data;
    if (q.format === 'csv' && !q.form)
      throw new TernError('TERN_BAD_REQUEST', 'Export: a CSV holds one form; give form=<id>@<version>');
    const all = await deps.store.mission(mission).allDocs();
    const docs = all.filter((d) => !d._deleted && d._id.startsWith('sub:'));
    const byForm = new Map<string, WireDoc[]>();
    for (const d of docs) {
      const key = String(d.form);
      if (q.form && key !== q.form) continue;
      byForm.set(key, [...(byForm.get(key) ?? []), d]);
    }
    if (q.form && !deps.forms(q.form))
      throw new TernError('TERN_NOT_FOUND', `Form ${q.form} is not published on this server`);
    // Every row names its case (code and status now), so an export joins to the case list.
    const cases = new Map<string, CaseInfo>(
      all
        .filter((d) => d._id.startsWith('case:') && !d._deleted)
        .map((d) => [d._id, { code: String(d.code), status: String(d.status) }]),
    );
    const sheets: Sheet[] = [];
    for (const [key, list] of [...byForm.entries()].sort()) {
      const form = deps.forms(key);
      if (form) sheets.push(...formSheets(form, list, q.lang, cases));
    }
    if (q.form && sheets.length === 0) sheets.push(...formSheets(deps.forms(q.form)!, [], q.lang));
    const names = uniqueSheetNames(sheets.map((s) => s.name));
    sheets.forEach((s, i) => (s.name = names[i]!));
    // A mission with no submissions yet still gets a workbook that says so (a workbook with no sheet
    // cannot be written: this answered 500, found by the hostile suite).
    if (sheets.length === 0)
      sheets.push({ name: 'records', header: ['mission', 'submissions'], rows: [[mission, 0]] });
    const workbook = sheets.some((s) => s.columns) ? [...sheets, codebookSheet(sheets, q.lang)] : sheets;
    const stamp = new Date().toISOString().slice(0, 10);
    const base = `tern-${mission}-${q.form?.replace('@', '-v') ?? 'all'}-${stamp}`;
    req.log.info({ mission, format: q.format, form: q.form ?? 'all', records: docs.length }, 'export');
    const files =
      q.format === 'zip'
        ? exportFiles([...byForm.values()].flat(), new Map([...cases].map(([id, c]) => [id, c.code])))
        : [];
    // fflate writes no Zip64 (decision 169): refuse before the first byte rather than send a zip
    // that unzips wrong. The workbook, the CSV and files-missing.csv are the 3 entries besides files.
    const tooLarge =
      q.format === 'zip'
        ? zipTooLarge(
            files.length + 3,
            files.reduce((n, f) => n + f.size + 512, 0),
          )
        : undefined;
    if (tooLarge) throw tooLarge;
    await deps.audit.append(req, {
      action: 'export',
      mission,
      outcome: 'ok',
      details: {
        format: q.format,
        form: q.form ?? 'all',
        lang: q.lang,
        count: docs.length,
        files: files.length,
      },
    });
    if (q.format === 'zip') {
      if (files.length > 0)
        await deps.audit.append(req, {
          action: 'attachment.read',
          mission,
          outcome: 'ok',
          details: { export: base, files: files.length },
        });
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${base}.zip"`)
        .header('cache-control', 'private, no-store')
        .send(
          zipStream(zipEntries(base, workbook, files, deps.store.attachments(mission), q.form !== undefined)),
        );
    }
    if (q.format === 'csv') {
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${base}.csv"`)
        .send(toCsv(sheets[0]!));
    }
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${base}.xlsx"`)
      .send(toXlsx(workbook));
  });
}

/**
 * The zip's entries in order: the workbook, the CSV for one form, every file read from the store
 * only when the zip reaches it, and last `files-missing.csv` listing the files not (fully) uploaded
 * yet, so an export made before every device synced says what it lacks.
 */
async function* zipEntries(
  base: string,
  sheets: Sheet[],
  files: readonly ExportFile[],
  store: AttachmentStore,
  oneForm: boolean,
): AsyncGenerator<ZipEntry> {
  yield { path: `${base}.xlsx`, bytes: async () => new Uint8Array(toXlsx(sheets)) };
  if (oneForm)
    yield {
      path: `${base}.csv`,
      bytes: async () => new TextEncoder().encode(toCsv(sheets[0]!)),
      deflate: true,
    };
  const missing: ExportFile[] = [];
  for (const f of files)
    yield {
      path: f.path,
      bytes: async () => {
        const file = await store.read(f.digest);
        if (!file) missing.push(f);
        return file?.bytes;
      },
    };
  if (missing.length > 0) {
    const lines = ['path,sha256,record', ...missing.map((m) => `${m.path},${m.digest},${m.record}`)];
    yield {
      path: 'files-missing.csv',
      bytes: async () => new TextEncoder().encode(lines.join('\r\n') + '\r\n'),
      deflate: true,
    };
  }
}
