import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ImportProblem, ImportResult } from '@tern/forms/xlsform';
import type { ServerDeps } from '../deps.ts';
import { TernError } from '../errors.ts';
import { FormPublishError } from '../forms/form-registry.ts';
import { readFormUpload } from '../forms/form-upload-parts.ts';
import { ImportBusyError, XlsformImporter } from '../forms/import-in-worker.ts';
import type { XlsformWorkerLimits } from '../forms/import-in-worker.ts';
import type { FormRegistry } from '../forms/form-registry.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Forms: devices list and fetch published definitions (read-only); admins publish a new version as
 * JSON or as an XLSForm workbook. Import problems come back with sheet and row numbers.
 */
export async function formsRoute(
  app: FastifyInstance,
  deps: ServerDeps & { registry: FormRegistry; xlsformLimits?: Partial<XlsformWorkerLimits> | undefined },
): Promise<void> {
  const importer = new XlsformImporter(deps.xlsformLimits);
  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  // An XLSForm with its attached files (select_one_from_file CSVs) comes as multipart/form-data.
  await app.register(fastifyMultipart);

  app.get('/api/forms', async (req) => {
    await deps.authorize(req, 'forms.read', null);
    return { forms: deps.registry.list() };
  });

  app.get<{ Params: { key: string } }>('/api/forms/:key', async (req) => {
    await deps.authorize(req, 'forms.read', null);
    const form = deps.registry.get(req.params.key);
    if (!form) throw new TernError('TERN_NOT_FOUND', `Form ${req.params.key} is not published`);
    return form;
  });

  app.post<{ Params: { key: string } }>('/api/admin/forms/:key/retire', async (req) => {
    await deps.authorize(req, 'admin', null);
    const { key } = req.params;
    if (!deps.registry.get(key)) throw new TernError('TERN_NOT_FOUND', `Form ${key} is not published`);
    const now = await deps.registry.retire(key, req.principal?.username ?? 'admin');
    // Retiring twice is once: only the act that retired it is in the audit log.
    if (now)
      await deps.audit.append(req, {
        action: 'form.retire',
        mission: null,
        outcome: 'ok',
        details: { form: key },
      });
    return { form: deps.registry.entry(key) };
  });

  app.post<{ Querystring: { acknowledgeWarnings?: string } }>('/api/admin/forms', async (req, reply) => {
    await deps.authorize(req, 'admin', null);
    const by = req.principal?.username ?? 'admin';
    let definition: unknown = req.body;
    let warnings: ImportProblem[] = [];
    const upload = req.isMultipart()
      ? await readFormUpload(req)
      : Buffer.isBuffer(req.body)
        ? { workbook: new Uint8Array(req.body), files: new Map<string, Uint8Array>() }
        : null;
    if (upload) {
      let imported: ImportResult;
      try {
        imported = await importer.import(upload.workbook, upload.files);
      } catch (e) {
        if (e instanceof ImportBusyError)
          throw new TernError(
            'TERN_RATE_LIMITED',
            'Too many form uploads are being read at once; try again in a minute',
          );
        throw e;
      }
      const errors = imported.problems.filter((p) => p.severity === 'error');
      warnings = imported.problems.filter((p) => p.severity === 'warning');
      if (!imported.form || errors.length > 0) {
        const also = warnings.length > 0 ? ` and ${count(warnings.length, 'warning')}` : '';
        throw new TernError(
          'TERN_FORM_IMPORT_FAILED',
          `The XLSForm has ${count(errors.length, 'error')}${also}; nothing was published`,
          [...errors, ...warnings],
        );
      }
      // The admin acknowledges the number of warnings shown; a different file (or a changed one)
      // with another number is shown again instead of being published unseen.
      const ack = req.query.acknowledgeWarnings;
      if (warnings.length > 0 && !(ack !== undefined && /^\d+$/.test(ack) && Number(ack) === warnings.length))
        throw new TernError(
          'TERN_FORM_WARNINGS',
          `The XLSForm has ${count(warnings.length, 'warning')} to read before it is published; nothing was published yet`,
          warnings,
        );
      definition = imported.form;
    }
    try {
      const form = await deps.registry.publish(definition, by);
      req.log.info({ form: `${form.id}@${form.version}`, by }, 'form published');
      await deps.audit.append(req, {
        action: 'form.publish',
        mission: null,
        outcome: 'ok',
        details: {
          form: `${form.id}@${form.version}`,
          warnings: warnings.length,
          files: upload ? [...upload.files.keys()] : [],
        },
      });
      return reply.status(201).send({ key: `${form.id}@${form.version}`, warnings });
    } catch (e) {
      if (e instanceof FormPublishError)
        throw new TernError('TERN_FORM_IMPORT_FAILED', e.message, e.problems);
      throw e;
    }
  });
}

const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
