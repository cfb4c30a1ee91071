import type { ErrorCode } from '../errors.ts';

/**
 * Why one pushed document may not be stored. Each door words it its own way (a compact-sync result,
 * a CouchDB `forbidden` result), but the code, reason and field are decided once, in admission.ts.
 */
export interface DocRejection {
  code: ErrorCode;
  reason: string;
  /** The path of the offending field, never its value (answers may hold personal data). */
  field?: string;
}
