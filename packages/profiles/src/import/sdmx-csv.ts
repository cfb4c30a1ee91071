// SDMX-CSV (the flat CSV of SDMX 2.1 and 3.0 that UN DESA, Eurostat, the World Bank and the OECD
// publish): a structure column first (`DATAFLOW` in version 1, `STRUCTURE`, `STRUCTURE_ID` and an
// optional `ACTION` in version 2), then one column per dimension, `OBS_VALUE`, then attributes.
// Headers and codes may carry labels (`REF_AREA: Reference area`, `KEN: Kenya`); the code is used.
// Columns Tern does not know are refused, never dropped: dropping a dimension would mix different
// figures into one (decision 131).
import { indicatorById } from '@tern/demography';
import type { ProfileBody } from '../document/schema.ts';
import {
  type CandidateRow,
  type ImportOptions,
  type Rejection,
  applyRows,
  checkRows,
  rejectFile,
} from './rows.ts';
import { type TextTable, csvTable, headerKey } from './text-table.ts';

export interface SdmxOptions extends ImportOptions {
  /** Codes of the INDICATOR dimension that are not registry ids (`SM_POP_TOTL` → `foreign-born-stock`). */
  indicatorCodes?: Record<string, string>;
  /** Per dataflow id (`MIGR_IMM1CTZ`): the indicator when the file has no INDICATOR column, the source when it has no SOURCE attribute. */
  dataflows?: Record<string, { indicator?: string; source?: string }>;
}

type Role = 'structure' | 'country' | 'indicator' | 'year' | 'freq' | 'total' | 'unit' | 'value' | 'attr';
/** Every column Tern reads, by role; a header not here is an unknown dimension. */
const COLUMNS: Record<string, Role> = {
  DATAFLOW: 'structure',
  STRUCTURE: 'structure',
  STRUCTURE_ID: 'structure',
  ACTION: 'structure',
  REF_AREA: 'country',
  GEO: 'country',
  INDICATOR: 'indicator',
  SERIES: 'indicator',
  TIME_PERIOD: 'year',
  FREQ: 'freq',
  SEX: 'total',
  AGE: 'total',
  CITIZEN: 'total',
  C_BIRTH: 'total',
  UNIT_MEASURE: 'unit',
  UNIT: 'unit',
  OBS_VALUE: 'value',
  UNIT_MULT: 'attr',
  OBS_STATUS: 'attr',
  OBS_FLAG: 'attr',
  CONF_STATUS: 'attr',
  DECIMALS: 'attr',
  SOURCE: 'attr',
  SOURCE_DETAIL: 'attr',
  RELIABILITY: 'attr',
  COMMENT_OBS: 'attr',
  COMMENT: 'attr',
  DEFINITION: 'attr',
  NOTE: 'attr',
  LAST_UPDATE: 'attr',
};
const TOTALS = new Set(['_T', 'T', 'TOTAL', '_Z']);
/** SDMX observation status and Eurostat flag codes, as the reliability note says them. */
const STATUS: Record<string, string> = {
  A: 'normal value',
  B: 'break in series',
  E: 'estimated value',
  F: 'forecast value',
  I: 'imputed value',
  P: 'provisional value',
  U: 'low reliability',
  D: 'definition differs',
  S: 'strike or other hazard',
};
/** Statuses of an observation that is missing: an empty OBS_VALUE with them is skipped, not refused. */
const MISSING = new Set(['M', 'L', 'C', 'N', 'O', 'Z']);

const code = (cell: string | undefined) => (cell ?? '').replace(/:\s.*$/s, '').trim();
const dataflowId = (s: string) => {
  const m = /^(?:[^:=]+=)?(?:[A-Za-z0-9_.@-]+:)?([A-Za-z0-9_@.-]+?)(?:\(.*\))?$/.exec(code(s));
  return m?.[1] ?? s;
};

/** An SDMX-CSV text table into candidate rows, or every rejection (header ones on line 1). */
export function sdmxRows(
  table: TextTable,
  opts: SdmxOptions = {},
): { rows: CandidateRow[]; rejected: Rejection[]; missing: number } {
  const keys = table.header.map(headerKey);
  const rejected: Rejection[] = [];
  if (keys[0] !== 'DATAFLOW' && keys[0] !== 'STRUCTURE')
    rejected.push({
      line: 1,
      reason: 'not SDMX-CSV: the first column must be DATAFLOW (version 1) or STRUCTURE (version 2)',
    });
  keys.forEach((k, i) => {
    if (!COLUMNS[k])
      rejected.push({
        line: 1,
        column: table.header[i]!,
        reason: `unknown dimension or attribute "${table.header[i]}": Tern would drop it and mix different figures`,
      });
  });
  if (!keys.includes('OBS_VALUE')) rejected.push({ line: 1, reason: 'no OBS_VALUE column' });
  if (!keys.includes('TIME_PERIOD')) rejected.push({ line: 1, reason: 'no TIME_PERIOD column' });
  if (!keys.some((k) => COLUMNS[k] === 'country'))
    rejected.push({ line: 1, reason: 'no REF_AREA (or GEO) column' });
  if (rejected.length) return { rows: [], rejected, missing: 0 };
  const col = (row: string[], ...names: string[]) => {
    for (const n of names) {
      const i = keys.indexOf(n);
      if (i >= 0 && (row[i] ?? '').trim() !== '') return row[i]!.trim();
    }
    return '';
  };
  const rows: CandidateRow[] = [];
  let missing = 0;
  table.rows.forEach((row, i) => {
    const line = table.rowNumbers[i]!;
    const flow = dataflowId(col(row, 'STRUCTURE_ID', 'DATAFLOW'));
    const fromFlow = opts.dataflows?.[flow] ?? {};
    const status = code(col(row, 'OBS_STATUS', 'OBS_FLAG')).toUpperCase();
    if (col(row, 'OBS_VALUE') === '' && MISSING.has(status)) return void missing++;
    const freq = code(col(row, 'FREQ')).toUpperCase();
    if (freq && freq !== 'A')
      return void rejected.push({
        line,
        column: 'FREQ',
        reason: `FREQ ${freq}: profiles hold annual figures (A)`,
      });
    const breakdown = keys.find(
      (k, j) => COLUMNS[k] === 'total' && row[j] && !TOTALS.has(code(row[j]).toUpperCase()),
    );
    if (breakdown)
      return void rejected.push({
        line,
        column: breakdown,
        reason: `${breakdown} = ${code(row[keys.indexOf(breakdown)])}: profile figures are totals (_T)`,
      });
    const rawIndicator = code(col(row, 'INDICATOR', 'SERIES'));
    // IMMIGRATION → immigration; a code that is no registry id stays as the file says it, for the message.
    const asId = rawIndicator.toLowerCase().replace(/_/g, '-');
    const indicator = rawIndicator
      ? (opts.indicatorCodes?.[rawIndicator] ?? (indicatorById(asId) ? asId : rawIndicator))
      : (fromFlow.indicator ?? '');
    const reliability =
      col(row, 'RELIABILITY', 'COMMENT_OBS', 'COMMENT') ||
      status
        .split('')
        .map((s) => STATUS[s])
        .filter(Boolean)
        .join(', ');
    rows.push({
      line,
      indicator,
      country: code(col(row, 'REF_AREA', 'GEO')),
      year: code(col(row, 'TIME_PERIOD')),
      value: col(row, 'OBS_VALUE'),
      unit: code(col(row, 'UNIT_MEASURE', 'UNIT')),
      unitMult: code(col(row, 'UNIT_MULT')),
      source: col(row, 'SOURCE', 'SOURCE_DETAIL') || (fromFlow.source ?? ''),
      definition: col(row, 'DEFINITION'),
      reliability,
      note: col(row, 'NOTE'),
    });
  });
  return { rows, rejected, missing };
}

/** An SDMX-CSV file into the profile, whole or not at all (TERN_PROFILE_IMPORT_REJECTED with every line). */
export function importSdmxCsv<P extends ProfileBody>(profile: P, text: string, opts: SdmxOptions = {}) {
  const name = opts.name ?? 'SDMX-CSV';
  const parsed = sdmxRows(csvTable(text, name), opts);
  if (parsed.rejected.length) {
    // The rows' own problems too (a bad header stops before the rows), so one pass fixes the file.
    const all = [...parsed.rejected, ...checkRows(profile, parsed.rows, opts).rejected];
    return rejectFile(
      name,
      all.sort((a, b) => a.line - b.line),
    );
  }
  return { ...applyRows(profile, parsed.rows, { ...opts, name }), missing: parsed.missing };
}
