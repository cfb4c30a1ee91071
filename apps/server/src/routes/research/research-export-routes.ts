import type { FastifyInstance } from 'fastify';
import { ResearchExportQuery, ResearchTableRequest } from '@tern/api';
import { exportCtdc, researchTable } from '@tern/research';
import { parseRequest } from '../../validate-request.ts';
import { toCsv } from '../../export/csv.ts';
import { toXlsx } from '../../export/xlsx.ts';
import { aboutSheet, tableSheet } from '../../research/table-sheets.ts';
import {
  admitResearcher,
  auditResearch,
  catchUpBehind,
  queryForAudit,
  researchContext,
} from './research-request.ts';
import type { ResearchDeps } from './research-request.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A header value is ASCII: JSON with every other character escaped (`\\uXXXX`), still valid JSON. */
const asciiJson = (v: unknown) =>
  JSON.stringify(v).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * Files for researchers: a table as CSV or XLSX (the very cells `/api/research/table` publishes,
 * written by the mission export's writers), and the k-anonymous CTDC microdata file of the granted
 * missions (decision 102) with its k-anonymity report in `X-Tern-K-Anonymity`.
 */
export async function researchExportRoutes(app: FastifyInstance, deps: ResearchDeps): Promise<void> {
  app.post('/api/research/table/export', { bodyLimit: 256 * 1024 }, async (req, reply) => {
    let source = 'missions';
    try {
      await admitResearcher(deps, req);
      const q = parseRequest(ResearchExportQuery, req.query, 'Research export');
      const body = parseRequest(ResearchTableRequest, req.body, 'Research table');
      source = body.source;
      const { store, scope } = await researchContext(deps, req, source);
      const table = { ...(await researchTable(store, body, scope, deps.research.params)), source };
      catchUpBehind(deps, table);
      await auditResearch(deps, req, 'research.export', {
        route: 'table/export',
        format: q.format,
        source,
        missions: table.missions,
        ...queryForAudit(table),
        cells: table.cells.length,
      });
      const name = `tern-research-${table.dims.join('-')}-${new Date(deps.now()).toISOString().slice(0, 10)}`;
      reply
        .header('x-tern-as-of', table.asOf ?? 'none')
        .header('content-disposition', `attachment; filename="${name}.${q.format}"`);
      if (q.format === 'csv')
        return reply.header('content-type', 'text/csv; charset=utf-8').send(toCsv(tableSheet(table, q.lang)));
      return reply
        .header('content-type', XLSX_TYPE)
        .send(toXlsx([tableSheet(table, q.lang), aboutSheet(table, q.lang)]));
    } catch (e) {
      await auditResearch(deps, req, 'research.export', { route: 'table/export', source }, e);
      throw e;
    }
  });

  app.get('/api/research/ctdc-export', async (req, reply) => {
    try {
      await admitResearcher(deps, req);
      parseRequest(ResearchExportQuery.pick({}).strict(), req.query, 'CTDC export');
      const { store, scope } = await researchContext(deps, req, 'missions');
      const out = await exportCtdc(store, scope, { k: deps.research.params.k });
      catchUpBehind(deps, out);
      await auditResearch(deps, req, 'research.export', {
        route: 'ctdc-export',
        missions: scope.missions,
        records: out.report.exported,
      });
      const stamp = new Date(deps.now()).toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="tern-ctdc-k${out.report.k}-${stamp}.csv"`)
        .header('x-tern-k-anonymity', asciiJson(out.report))
        .header('x-tern-as-of', out.asOf ?? 'none')
        .header(
          'x-tern-freshness',
          asciiJson({ asOf: out.asOf, behind: out.behind, recreated: out.recreated }),
        )
        .send(out.csv);
    } catch (e) {
      await auditResearch(deps, req, 'research.export', { route: 'ctdc-export' }, e);
      throw e;
    }
  });
}
