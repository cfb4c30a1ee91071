import { DIMENSION_NAMES, isMulti } from '../dimensions.ts';
import type { Dimension } from '../dimensions.ts';

/** Bump when the tables change: a store of another version is made anew from the mission stores. */
export const SCHEMA_VERSION = '1';

/** Column names are the dimension names, quoted; they come from DIMENSIONS, never from a request. */
export const col = (d: Dimension): string => `"${d}"`;

export const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS meta (key VARCHAR, value VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS checkpoints (mission VARCHAR, seq VARCHAR, as_of VARCHAR)`,
  // One de-identified fragment per contributing document (rows/fragments.ts), as JSON.
  `CREATE TABLE IF NOT EXISTS fragments (doc_ref VARCHAR, case_ref VARCHAR, mission VARCHAR, body VARCHAR)`,
  // The people behind linked cases (decision 202): a case's ref and the ref standing for its person.
  `CREATE TABLE IF NOT EXISTS people (case_ref VARCHAR, person_ref VARCHAR)`,
  // One row per case; a multi dimension holds its sorted codes joined with ';' ('' for none).
  `CREATE TABLE IF NOT EXISTS rows (ref VARCHAR, record_key UBIGINT, ${DIMENSION_NAMES.map((d) => `${col(d)} VARCHAR`).join(', ')})`,
];

/** The SQL value of a dimension as the store groups it: `unknown` for none. */
export const valueExpr = (d: Dimension): string =>
  isMulti(d)
    ? `CASE WHEN ${col(d)} = '' THEN 'unknown' ELSE ${col(d)} END`
    : `COALESCE(${col(d)}, 'unknown')`;

/** The SQL condition that a row has one of the values in parameter `$p`. */
export const filterExpr = (d: Dimension, p: number): string =>
  isMulti(d)
    ? `list_has_any(CASE WHEN ${col(d)} = '' THEN ['unknown'] ELSE string_split(${col(d)}, ';') END, $${p}::VARCHAR[])`
    : `list_contains($${p}::VARCHAR[], ${valueExpr(d)})`;
