import { z } from 'zod';
import { FormKey } from './common.ts';

/** `GET /api/missions/:mission/export?format=&lang=&form=`: answers a CSV or XLSX file, not JSON. */
export const ExportQuery = z.object({
  format: z.enum(['csv', 'xlsx']),
  /** Labels in one of the UI languages. */
  lang: z.enum(['en', 'fr', 'es', 'ar', 'ru']).default('en'),
  form: FormKey.optional(),
});
export type ExportQuery = z.input<typeof ExportQuery>;
