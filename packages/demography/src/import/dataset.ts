// One long-layout dataset (geo, sex, age, time, value — Eurostat / SDMX-CSV style, NUTS codes) read
// into checked values. Every problem is collected with its row number and reason; if there is any,
// nothing is returned (TERN_DEMOGRAPHY_IMPORT_REJECTED with details.rejected), so nothing is ever
// half-imported.
import { DemographyError } from '../errors.ts';
import { type AgeGroup, SKIPPED_AGES, ageText, parseAge } from './age-codes.ts';
import type { TextTable } from './csv.ts';

export type DatasetKind =
  'population' | 'births' | 'fertility' | 'deaths' | 'mortality' | 'migration' | 'emigration' | 'immigration';
export const RATE_KINDS: ReadonlySet<DatasetKind> = new Set(['fertility', 'mortality']);

export interface Rejection {
  row: number;
  column?: string;
  reason: string;
}

export interface Dataset {
  kind: DatasetKind;
  /** 'count' (persons, events) or 'rate' (per person-year; per-1000 units are divided on import). */
  unit: 'count' | 'rate';
  time: string;
  geos: string[];
  /** Contiguous age groups from 0, the same for every geo and sex. */
  ages: AgeGroup[];
  /** value by key `${geo}|${sex}|${age}`, or `${from}|${to}|${sex}|${age}` for migration (age as `ageText`). */
  values: Map<string, number>;
  source: string;
}

const COLUMNS: Record<string, readonly string[]> = {
  geo: ['geo', 'geo_code', 'region', 'nuts', 'state'],
  from: ['geo_from', 'origin', 'from', 'geo'],
  to: ['geo_to', 'destination', 'to', 'partner'],
  sex: ['sex'],
  age: ['age'],
  time: ['time', 'time_period', 'year', 'period'],
  value: ['value', 'obs_value'],
  unit: ['unit'],
};

/** Unit codes: Eurostat's NR (number), RT and PER1000 for rates, and plain words. */
const UNITS: Record<string, { unit: 'count' | 'rate'; factor: number }> = {
  NR: { unit: 'count', factor: 1 },
  NUMBER: { unit: 'count', factor: 1 },
  PERSONS: { unit: 'count', factor: 1 },
  THS: { unit: 'count', factor: 1000 },
  THS_PER: { unit: 'count', factor: 1000 },
  RT: { unit: 'rate', factor: 1 },
  RATE: { unit: 'rate', factor: 1 },
  PER1000: { unit: 'rate', factor: 1 / 1000 },
  P_THSD: { unit: 'rate', factor: 1 / 1000 },
};

export interface DatasetOptions {
  /** Which time period to read when the file holds several (default: the only one, else an error). */
  time?: string;
}

export function importDataset(kind: DatasetKind, table: TextTable, options: DatasetOptions = {}): Dataset {
  const problems: Rejection[] = [];
  const add = (row: number, reason: string, column?: string) => {
    if (problems.length < 200) problems.push(column ? { row, column, reason } : { row, reason });
  };
  const fail = (): never => {
    const first = problems
      .slice(0, 3)
      .map((p) => `row ${p.row}: ${p.reason}`)
      .join('; ');
    throw new DemographyError(
      'TERN_DEMOGRAPHY_IMPORT_REJECTED',
      `${table.source} (${kind}) was not imported: ${problems.length} problem(s) — ${first}`,
      { rejected: problems, kind, source: table.source },
    );
  };
  const head = table.header.map((h) => h.trim().toLowerCase());
  const col = (role: keyof typeof COLUMNS, exclude = -1) =>
    head.findIndex((h, i) => i !== exclude && COLUMNS[role]!.includes(h));
  const isMigration = kind === 'migration';
  const to = isMigration ? col('to') : -1;
  const geo = isMigration ? col('from', to) : col('geo');
  const cols = {
    geo,
    to,
    sex: col('sex'),
    age: col('age'),
    time: col('time'),
    value: col('value'),
    unit: col('unit'),
  };
  const required = (['geo', 'sex', 'age', 'time', 'value'] as const).filter((c) => cols[c] < 0);
  if (isMigration && to < 0) required.push('to' as never);
  if (required.length) {
    add(
      1,
      `missing column(s): ${required.map((c) => (c === 'geo' && isMigration ? 'geo_from' : c === ('to' as never) ? 'geo_to' : c)).join(', ')}`,
    );
    fail();
  }
  const times = new Set(table.rows.map((r) => r[cols.time] ?? ''));
  const time = options.time ?? (times.size === 1 ? [...times][0]! : undefined);
  if (time === undefined) {
    add(1, `the file holds ${times.size} time periods (${[...times].slice(0, 5).join(', ')}); choose one`);
    fail();
  }
  const ages: AgeGroup[] = [];
  const values = new Map<string, number>();
  const seen = new Map<string, number>();
  const geos = new Set<string>();
  const agesBy = new Map<string, Array<{ g: AgeGroup; row: number }>>();
  let unitSeen: { code: string; row: number } | null = null;
  let factor = 1;
  const expectRate = RATE_KINDS.has(kind);
  table.rows.forEach((r, i) => {
    const row = table.rowNumbers[i]!;
    if ((r[cols.time] ?? '') !== time) return;
    const g = r[cols.geo] ?? '';
    const dest = isMigration ? (r[to] ?? '') : '';
    const sexCode = (r[cols.sex] ?? '').toUpperCase();
    const ageCode = r[cols.age] ?? '';
    if (!g) return add(row, 'the region code is empty', isMigration ? 'geo_from' : 'geo');
    if (isMigration && !dest) return add(row, 'the destination region code is empty', 'geo_to');
    if (SKIPPED_AGES.has(ageCode.trim().toUpperCase())) return;
    const sex =
      sexCode === 'F' || sexCode === 'M' ? sexCode : sexCode === 'T' && kind === 'births' ? 'T' : null;
    if (sexCode === 'T' && kind !== 'births') return; // totals beside F and M are not data of their own
    if (!sex)
      return add(
        row,
        `sex must be F or M${kind === 'births' ? ' (or T)' : ''}, got "${r[cols.sex] ?? ''}"`,
        'sex',
      );
    const group = parseAge(ageCode);
    if (!group) return add(row, `"${ageCode}" is not an age group (Y_LT5, Y5-9, Y_GE85, 0-4, 85+)`, 'age');
    const unitCode = cols.unit >= 0 ? (r[cols.unit] ?? '').toUpperCase() : expectRate ? 'RT' : 'NR';
    if (!unitSeen) {
      const u = UNITS[unitCode];
      if (!u) return add(row, `unknown unit "${unitCode}" (NR, THS, RT, PER1000)`, 'unit');
      if ((u.unit === 'rate') !== expectRate)
        return add(
          row,
          `${kind} must be given as ${expectRate ? 'rates (RT, PER1000)' : 'counts (NR)'}, got ${unitCode}`,
          'unit',
        );
      unitSeen = { code: unitCode, row };
      factor = u.factor;
    } else if (unitCode !== unitSeen.code)
      return add(row, `mixed units: ${unitCode} here, ${unitSeen.code} from row ${unitSeen.row}`, 'unit');
    const raw = (r[cols.value] ?? '').replace(/\s/g, '');
    const v = raw === '' || raw === ':' ? Number.NaN : Number(raw);
    if (!Number.isFinite(v)) return add(row, `the value "${r[cols.value] ?? ''}" is not a number`, 'value');
    if (v < 0) return add(row, `a negative ${expectRate ? 'rate' : 'count'} (${v})`, 'value');
    const value = v * factor;
    if (expectRate && value > 1)
      return add(row, `a rate above 1 per person-year (${v} ${unitSeen.code})`, 'value');
    const ak = ageText(group);
    const key = `${g}|${isMigration ? `${dest}|` : ''}${sex}|${ak}`;
    const dup = seen.get(key);
    if (dup !== undefined) return add(row, `the same region, sex and age as row ${dup}`);
    seen.set(key, row);
    values.set(key, value);
    geos.add(g);
    if (isMigration) geos.add(dest);
    // Migration matrices are sparse (a missing cell is 0): their ages are checked over all pairs.
    const series = isMigration ? `all pairs|${sex}` : `${g}|${sex}`;
    const list = agesBy.get(series) ?? [];
    if (list.every((x) => ageText(x.g) !== ak)) list.push({ g: group, row });
    agesBy.set(series, list);
  });
  if (problems.length) fail();
  // Age groups: contiguous from 0 in every series, and the same groups everywhere.
  let reference: string | null = null;
  for (const [series, list] of agesBy) {
    list.sort((a, b) => a.g.lower - b.g.lower);
    let expected = 0;
    let broken = false;
    for (const { g, row } of list) {
      if (g.lower !== expected) {
        add(
          row,
          `ages not contiguous for ${series.replaceAll('|', ' ')}: ${ageText(g)} follows ${expected === 0 ? 'nothing' : `an age group ending at ${expected - 1}`}`,
          'age',
        );
        broken = true;
        break;
      }
      if (g.upper === null && g !== list[list.length - 1]!.g) {
        add(
          row,
          `the open group ${ageText(g)} is not the last one for ${series.replaceAll('|', ' ')}`,
          'age',
        );
        broken = true;
        break;
      }
      expected = g.upper ?? expected;
    }
    if (broken) continue;
    const signature = list.map((x) => ageText(x.g)).join(',');
    if (reference === null) {
      reference = signature;
      ages.push(...list.map((x) => x.g));
    } else if (signature !== reference && !isMigration)
      add(
        list[0]!.row,
        `the age groups of ${series.replaceAll('|', ' ')} differ from the others (${signature} vs ${reference})`,
        'age',
      );
  }
  if (problems.length) fail();
  return {
    kind,
    unit: expectRate ? 'rate' : 'count',
    time: time!,
    geos: [...geos].sort(),
    ages,
    values,
    source: table.source,
  };
}
