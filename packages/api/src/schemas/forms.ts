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
  /** Retired: devices no longer offer it for new records; its records stay readable (decision 164). */
  retired: z.boolean().default(false),
  retiredAt: z.string().nullable().default(null),
  publishedAt: z.string().nullable().default(null),
  publishedBy: z.string().nullable().default(null),
});
export type FormListItem = z.infer<typeof FormListItem>;
export const FormListResponse = z.object({ forms: z.array(FormListItem) });
export type FormListResponse = z.infer<typeof FormListResponse>;

/**
 * One problem in the `details` of TERN_FORM_IMPORT_FAILED or TERN_FORM_WARNINGS, and in `warnings`
 * of a publication: an XLSForm problem with its severity, sheet, row and column, or a sentence naming
 * the form path (a JSON definition). An `error` blocks publishing; a `warning` is acknowledged.
 */
export const FormImportProblem = z.union([
  z.string(),
  z.object({
    severity: z.enum(['error', 'warning']).optional(),
    sheet: z.string(),
    row: z.number().int(),
    column: z.string().optional(),
    message: z.string(),
  }),
]);
export type FormImportProblem = z.infer<typeof FormImportProblem>;

/**
 * `POST /api/admin/forms[?acknowledgeWarnings=N]` (a JSON definition or an XLSForm workbook):
 * the published key and the warnings the admin acknowledged (empty for a clean form).
 */
export const PublishFormResponse = z.object({
  key: z.string(),
  warnings: z.array(FormImportProblem).default([]),
});

/** `POST /api/admin/forms/:key/retire`. */
export const RetireFormResponse = z.object({ form: FormListItem });
