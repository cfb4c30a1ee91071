import { z } from 'zod';

/**
 * Forms: `GET /api/forms/:key` answers a form definition, whose schema is @tern/forms'
 * (`parseFormDefinition`): the one model of a form, not repeated here.
 */

/** One published form in `GET /api/forms`. */
export const FormListItem = z.object({
  key: z.string(),
  id: z.string(),
  version: z.string(),
  title: z.record(z.string(), z.string()),
  builtin: z.boolean(),
});
export type FormListItem = z.infer<typeof FormListItem>;
export const FormListResponse = z.object({ forms: z.array(FormListItem) });
export type FormListResponse = z.infer<typeof FormListResponse>;

/** `POST /api/admin/forms` (a JSON definition or an XLSForm workbook). */
export const PublishFormResponse = z.object({ key: z.string() });

/**
 * One problem in the `details` of TERN_FORM_IMPORT_FAILED: an XLSForm problem with its sheet, row
 * and column, or a sentence naming the form path (a JSON definition).
 */
export const FormImportProblem = z.union([
  z.string(),
  z.object({
    sheet: z.string(),
    row: z.number().int(),
    column: z.string().optional(),
    message: z.string(),
  }),
]);
export type FormImportProblem = z.infer<typeof FormImportProblem>;
