import type { FastifyInstance } from 'fastify';
import { ExportQuery } from '@tern/api';
import type { WireDoc } from '@tern/sync';
import type { ServerDeps } from '../deps.ts';
import { TernError } from '../errors.ts';
import { toCsv } from '../export/csv.ts';
import { formSheets } from '../export/export-table.ts';
import type { Sheet } from '../export/export-table.ts';
import { toXlsx } from '../export/xlsx.ts';

/** A data officer's export of the mission's submissions, labelled in the chosen language. */
export async function exportRoute(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  app.get<{ Params: { mission: string } }>('/api/missions/:mission/export', async (req, reply) => {
    const { mission } = req.params;
    await deps.authorize(req, 'export', mission);
    if (!deps.missionExists(mission))
      throw new TernError('TERN_MISSION_NOT_FOUND', `Mission ${JSON.stringify(mission)} does not exist`);
    const parsed = ExportQuery.safeParse(req.query);
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      throw new TernError('TERN_BAD_REQUEST', `Export: ${i.path.join('.')}: ${i.message}`);
    }
    const q = parsed.data;
    if (q.format === 'csv' && !q.form)
      throw new TernError('TERN_BAD_REQUEST', 'Export: a CSV holds one form; give form=<id>@<version>');
    const docs = (await deps.store.mission(mission).allDocs()).filter(
      (d) => !d._deleted && d._id.startsWith('sub:'),
    );
    const byForm = new Map<string, WireDoc[]>();
    for (const d of docs) {
      const key = String(d.form);
      if (q.form && key !== q.form) continue;
      byForm.set(key, [...(byForm.get(key) ?? []), d]);
    }
    if (q.form && !deps.forms(q.form))
      throw new TernError('TERN_NOT_FOUND', `Form ${q.form} is not published on this server`);
    const sheets: Sheet[] = [];
    for (const [key, list] of [...byForm.entries()].sort()) {
      const form = deps.forms(key);
      if (form) sheets.push(...formSheets(form, list, q.lang));
    }
    if (q.form && sheets.length === 0) sheets.push(...formSheets(deps.forms(q.form)!, [], q.lang));
    // A mission with no submissions yet still gets a workbook that says so (a workbook with no sheet
    // cannot be written: this answered 500, found by the hostile suite).
    if (sheets.length === 0)
      sheets.push({ name: 'records', header: ['mission', 'submissions'], rows: [[mission, 0]] });
    const stamp = new Date().toISOString().slice(0, 10);
    const base = `tern-${mission}-${q.form?.replace('@', '-v') ?? 'all'}-${stamp}`;
    req.log.info({ mission, format: q.format, form: q.form ?? 'all', records: docs.length }, 'export');
    await deps.audit.append(req, {
      action: 'export',
      mission,
      outcome: 'ok',
      details: { format: q.format, form: q.form ?? 'all', lang: q.lang, count: docs.length },
    });
    if (q.format === 'csv') {
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${base}.csv"`)
        .send(toCsv(sheets[0]!));
    }
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${base}.xlsx"`)
      .send(toXlsx(sheets));
  });
}
