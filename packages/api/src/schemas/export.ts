import { z } from 'zod';
import { FormKey } from './common.ts';

/**
 * `GET /api/missions/:mission/export?format=&lang=&form=`: answers a CSV or XLSX file, not JSON;
 * `zip` is the XLSX (and, for one form, the CSV) with every file of the media answers (decision 142).
 */
export const ExportQuery = z.object({
  format: z.enum(['csv', 'xlsx', 'zip']),
  /** Labels in one of the UI languages. */
  lang: z.enum(['en', 'fr', 'es', 'ar', 'ru']).default('en'),
  form: FormKey.optional(),
});
export type ExportQuery = z.input<typeof ExportQuery>;
