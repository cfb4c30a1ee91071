import type { z } from 'zod';
import { CaseBody, SubmissionBody, TombstoneBody } from '@tern/api';
import { builtinForms, validateResponse } from '@tern/forms';
import type { FormDefinition } from '@tern/forms';
import { bodyOf, parseRev, verifyRev } from '@tern/sync';
import type { WireDoc } from '@tern/sync';
import type { DocRejection } from './rejection.ts';

const ID = /^(sub|case):[0-9A-HJKMNP-TV-Z]{26}$/;

function shapeRejection(issues: readonly z.core.$ZodIssue[]): DocRejection {
  const issue = issues[0]!;
  const path = issue.path.join('.');
  return { code: 'TERN_DOC_INVALID', reason: `${path || 'body'}: ${issue.message}`, field: path };
}

export type FormLookup = (key: string) => FormDefinition | undefined;
export const builtinLookup: FormLookup = (key) => builtinForms.get(key);

/**
 * Decide whether one pushed document may be stored in `mission`. Returns the reason it may not, or null.
 * The same checks run behind both sync doors (admission.ts runs them after the size and reserved-field
 * rules, so nothing here meets a hostile depth). A tombstone's body is checked too: it is either empty
 * (closing a branch) or a deletion with its reason, for this mission.
 */
export function checkDoc(
  doc: WireDoc,
  mission: string,
  forms: FormLookup,
  opts: { verifyRevs: boolean },
): DocRejection | null {
  try {
    parseRev(doc._rev);
  } catch (e) {
    return { code: 'TERN_DOC_INVALID', reason: (e as Error).message, field: '_rev' };
  }
  if (!ID.test(doc._id)) {
    return {
      code: 'TERN_DOC_INVALID',
      reason: `Document id ${JSON.stringify(doc._id)} is not sub:<ULID> or case:<ULID>`,
      field: '_id',
    };
  }
  const body = bodyOf(doc);
  if (opts.verifyRevs && !verifyRev(doc, body)) {
    return {
      code: 'TERN_REV_MISMATCH',
      reason: `Revision ${doc._rev} is not the hash of its parent and body`,
      field: '_rev',
    };
  }
  if (doc._deleted) {
    const parsed = TombstoneBody.safeParse(body);
    if (!parsed.success)
      return {
        code: 'TERN_DOC_INVALID',
        reason:
          'A deleted document carries either no fields (closing a branch) or {mission, deletion: {by, at, reason}}',
        field: 'deletion',
      };
    if ('mission' in parsed.data && parsed.data.mission !== mission)
      return {
        code: 'TERN_DOC_WRONG_MISSION',
        reason: `Deletion is for mission ${JSON.stringify(parsed.data.mission)}, not ${mission}`,
        field: 'mission',
      };
    return null;
  }
  if (body.mission !== mission) {
    return {
      code: 'TERN_DOC_WRONG_MISSION',
      reason: `Document is for mission ${JSON.stringify(body.mission)}, not ${mission}`,
      field: 'mission',
    };
  }
  if (doc._id.startsWith('case:')) {
    // A case holds personal data under `pii`: the reason names the path, never the value.
    const parsed = CaseBody.safeParse(body);
    return parsed.success ? null : shapeRejection(parsed.error.issues);
  }
  if (doc._id.startsWith('sub:')) {
    const parsed = SubmissionBody.safeParse(body);
    if (!parsed.success) return shapeRejection(parsed.error.issues);
    const form = forms(parsed.data.form);
    if (!form)
      return {
        code: 'TERN_FORM_UNKNOWN',
        reason: `Form ${parsed.data.form} is not published on this server`,
        field: 'form',
      };
    const issues = validateResponse(form, parsed.data.answers);
    if (issues.length > 0) {
      const first = issues[0]!;
      const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
      return {
        code: 'TERN_RESPONSE_INVALID',
        reason: `${first.field}: ${first.message}${more}`,
        field: `answers.${first.field}`,
      };
    }
  }
  return null;
}
