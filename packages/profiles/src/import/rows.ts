// The one check every import goes through (SDMX-CSV, CSV, XLSX): each format reads its file into
// candidate rows with their line numbers; this turns them into profile values or lists every refused
// row with its line and reason. Nothing is half-imported: one refused row refuses the file (decision 131).
import { indicatorById } from '@tern/demography';
import { toAlpha3 } from '../document/country.ts';
import { valueKey } from '../document/keys.ts';
import type { ProfileBody, ProfileValue } from '../document/schema.ts';
import { ProfileError } from '../errors.ts';
import { isTernSource } from '../values/tern-figures.ts';

export interface CandidateRow {
  /** Line (CSV) or sheet row (XLSX) the row starts on, header = 1. */
  line: number;
  indicator: string;
  country: string;
  year: string;
  value: string;
  /** Empty: the indicator's unit. A registry unit or an SDMX code (PS, NR, USD). */
  unit: string;
  /** Power of ten the value is expressed in (SDMX UNIT_MULT); empty means 0. */
  unitMult: string;
  source: string;
  definition: string;
  reliability: string;
  note: string;
}

export interface Rejection {
  line: number;
  column?: string;
  reason: string;
}

export interface ImportOptions {
  /** The year figures may not go beyond (a year in the future is refused): the current year by default. */
  now?: Date;
  /** Replace a value the profile already has from the same source for the same indicator and year. */
  replace?: boolean;
  /** Where the file came from, for messages ("kenya.csv"). */
  name?: string;
}

export const NO_RELIABILITY = 'not stated by the source';

const UNIT_CODES: Record<string, { unit: string; scale: number }> = {
  PERSONS: { unit: 'persons', scale: 1 },
  PS: { unit: 'persons', scale: 1 },
  PER: { unit: 'persons', scale: 1 },
  NR: { unit: 'persons', scale: 1 },
  NUMBER: { unit: 'persons', scale: 1 },
  'USD MILLION (CURRENT PRICES)': { unit: 'USD million (current prices)', scale: 1e6 },
  USD: { unit: 'USD million (current prices)', scale: 1 },
  USD_MN: { unit: 'USD million (current prices)', scale: 1e6 },
};
const TARGET_SCALE: Record<string, number> = { persons: 1, 'USD million (current prices)': 1e6 };

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Candidate rows into values, or every rejection (the values are valid only when none is refused). */
export function checkRows(
  profile: Pick<ProfileBody, 'country' | 'values'>,
  rows: readonly CandidateRow[],
  opts: ImportOptions = {},
): { values: ProfileValue[]; rejected: Rejection[]; unchanged: number } {
  const lastYear = (opts.now ?? new Date()).getUTCFullYear();
  const existing = new Map(profile.values.map((v) => [v._id, v]));
  const firstLine = new Map<string, number>();
  const values: ProfileValue[] = [];
  const rejected: Rejection[] = [];
  let unchanged = 0;
  for (const r of rows) {
    const before = rejected.length;
    const refuse = (column: string | undefined, reason: string) =>
      rejected.push({ line: r.line, ...(column ? { column } : {}), reason });
    const def = indicatorById(r.indicator.trim());
    if (!def) refuse('indicator', `unknown indicator "${r.indicator}"`);
    const country = toAlpha3(r.country);
    if (!country) refuse('country', `unknown country "${r.country}" (ISO 3166 alpha-3 or alpha-2)`);
    else if (country !== profile.country)
      refuse('country', `the row is for ${country}, this profile is ${profile.country}'s`);
    const year = /^\d{4}$/.test(r.year.trim()) ? Number(r.year.trim()) : NaN;
    if (Number.isNaN(year)) refuse('year', `"${r.year}" is not a year (annual figures: YYYY)`);
    else if (year > lastYear) refuse('year', `${year} is in the future (after ${lastYear})`);
    else if (year < 1900) refuse('year', `${year} is before 1900`);
    const source = r.source.trim();
    if (!source) refuse('source', 'the value has no source: every figure must say where it comes from');
    else if (isTernSource(source))
      refuse(
        'source',
        `"${source}" is reserved for figures Tern computes: pull them from the server instead`,
      );
    const raw = r.value.trim();
    if (!NUMBER.test(raw)) refuse('value', raw ? `"${raw}" is not a number` : 'the value is empty');
    const mult = r.unitMult.trim() === '' ? 0 : Number(r.unitMult);
    if (!Number.isInteger(mult) || Math.abs(mult) > 12)
      refuse('unitMult', `"${r.unitMult}" is not a power of ten`);
    const code = r.unit.trim() === '' ? def?.unit.toUpperCase() : r.unit.trim().toUpperCase();
    const unit = code === undefined ? undefined : UNIT_CODES[code];
    if (def && !unit) refuse('unit', `unknown unit "${r.unit}"`);
    else if (def && unit && unit.unit !== def.unit)
      refuse('unit', `${def.name} is in ${def.unit}, the row says ${r.unit}`);
    if (rejected.length > before || !def || !unit || !country) continue;
    const value = Number(
      ((Number(raw) * 10 ** mult * unit.scale) / TARGET_SCALE[def.unit]! || 0).toPrecision(12),
    );
    if (value < 0 && !def.signed) {
      refuse('value', `${def.name} cannot be negative (${raw})`);
      continue;
    }
    const v: ProfileValue = {
      _id: valueKey(def.id, year, source),
      indicator: def.id,
      year,
      value,
      unit: def.unit,
      source,
      definition: r.definition.trim() || def.definition,
      reliability: r.reliability.trim() || NO_RELIABILITY,
      ...(r.note.trim() ? { note: r.note.trim() } : {}),
    };
    const dup = firstLine.get(v._id);
    if (dup !== undefined) {
      refuse(undefined, `duplicate of line ${dup}: the same indicator, year and source`);
      continue;
    }
    firstLine.set(v._id, r.line);
    const had = existing.get(v._id);
    if (had && had.value === v.value) {
      unchanged++;
      continue;
    }
    if (had && !opts.replace) {
      refuse(
        'value',
        `the profile already has ${had.value} from this source for ${year}; import with "replace" to update it`,
      );
      continue;
    }
    values.push(v);
  }
  return { values, rejected, unchanged };
}

/** The profile with the rows' values added (replacing same-key values), or TERN_PROFILE_IMPORT_REJECTED. */
export function applyRows<P extends ProfileBody>(
  profile: P,
  rows: readonly CandidateRow[],
  opts: ImportOptions = {},
): { profile: P; added: number; unchanged: number } {
  if (rows.length === 0)
    rejectFile(opts.name ?? 'the file', [{ line: 1, reason: 'the file has no data rows' }]);
  const r = checkRows(profile, rows, opts);
  if (r.rejected.length) rejectFile(opts.name ?? 'the file', r.rejected);
  const ids = new Set(r.values.map((v) => v._id));
  const values = [...profile.values.filter((v) => !ids.has(v._id)), ...r.values];
  return { profile: { ...profile, values }, added: r.values.length, unchanged: r.unchanged };
}

export function rejectFile(name: string, rejected: Rejection[]): never {
  const first = rejected[0]!;
  throw new ProfileError(
    'TERN_PROFILE_IMPORT_REJECTED',
    `Nothing imported from ${name}: ${rejected.length} problem(s); line ${first.line}: ${first.reason}`,
    { rejected },
  );
}
