import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isResearchError } from '../errors.ts';
import { researchKeys } from '../rows/research-keys.ts';
import { deidentifyCase } from '../rows/research-row.ts';
import type { ResearchRow } from '../rows/research-row.ts';
import { attackData } from '../testing/attack-data.ts';
import { syntheticCaseDocs } from '../testing/synthetic-cases.ts';
import { CTDC_HEADER, ctdcRecord } from './ctdc-format.ts';
import { kAnonymousCtdc, naiveKAnonymousCtdc } from './k-anonymity.ts';
import { exportCtdc } from './ctdc-export.ts';
import { openDuckDbStore } from '../store/duckdb-store.ts';
import { loadDocs } from '../testing/load.ts';

const keys = researchKeys('the research secret of these tests, 32 bytes or more');
/** The sample of CTDC's 2020 global dataset (header and three rows), copied from ../shared/data/ctdc/. */
const SAMPLE = readFileSync(new URL('./global-dataset-2020-format-sample.csv', import.meta.url), 'utf8');

function syntheticRows(cases: number, seed: number, mission = 'm'): ResearchRow[] {
  const docs = syntheticCaseDocs({ mission, cases, seed });
  const subs = new Map<string, typeof docs>();
  for (const d of docs)
    if (typeof d.caseId === 'string') subs.set(d.caseId, [...(subs.get(d.caseId) ?? []), d]);
  return docs
    .filter((d) => d._id.startsWith('case:'))
    .map((c) => deidentifyCase(c, subs.get(c._id) ?? [], mission, keys)!)
    .filter(Boolean);
}

// ---- The independent checker: its own CSV reader and its own idea of CTDC's quasi-identifiers. ----
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}
const CHECKED_QI = [
  'yearOfRegistration',
  'gender',
  'ageBroad',
  'majorityStatus',
  'citizenship',
  'CountryOfExploitation',
];
function smallestClass(csv: string): { records: number; smallest: number; classes: number } {
  const [header, ...records] = parseCsv(csv);
  const at = CHECKED_QI.map((c) => header!.indexOf(c));
  expect(at.every((i) => i >= 0)).toBe(true);
  const sizes = new Map<string, number>();
  for (const r of records) {
    expect(r.length).toBe(header!.length);
    const key = at.map((i) => r[i]).join('|');
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return { records: records.length, smallest: Math.min(...sizes.values()), classes: sizes.size };
}

describe('CTDC 2020 format', () => {
  it('has the 63 columns of the 2020 global dataset, in its order', () => {
    expect(CTDC_HEADER.join(',')).toBe(SAMPLE.split('\n')[0]!.trim());
    expect(CTDC_HEADER).toHaveLength(63);
  });

  it('writes flags as 1 / 0 / -99, alpha-2 countries, CTDC bands and ;-joined lists', () => {
    const [row] = syntheticRows(1, 3);
    const r = ctdcRecord({
      ...row!,
      meansOfControl: ['DebtBondage', 'WithholdsDocuments'],
      exploitation: ['ForcedLabour', 'SexualExploitation'],
      labourSector: 'B_MiningAndQuarrying',
      sexExploitation: ['Prostitution'],
      citizenship: 'NG',
      ageBand: '9--17',
      gender: 'Feminine',
      recruiterRelationship: 'Familial',
    });
    expect(r).toMatchObject({
      citizenship: 'NG',
      ageBroad: '9--17',
      majorityStatus: 'Minor',
      gender: 'Female',
      meansOfControlDebtBondage: '1',
      meansOfControlPhysicalAbuse: '0',
      meansOfControlNotSpecified: '0',
      meansOfControlConcatenated: 'Debt bondage;Withholds/Destroys Important Documents',
      isForcedLabour: '1',
      isSexualExploit: '1',
      isSexAndLabour: '1',
      typeOfExploitConcatenated: 'Forced labour;Sexual exploitation',
      typeOfLabourMiningOrDrilling: '1',
      typeOfLabourConcatenated: 'Mining, Quarrying, Oil/Gas Extraction',
      typeOfSexProstitution: '1',
      typeOfSexConcatenated: 'Prostitution',
      RecruiterRelationship: 'Family/Relative',
      recruiterRelationFamily: '1',
      recruiterRelationUnknown: '0',
    });
    const unknown = ctdcRecord({
      ...row!,
      meansOfControl: [],
      exploitation: [],
      recruiterRelationship: null,
    });
    expect(unknown).toMatchObject({
      meansOfControlDebtBondage: '-99',
      meansOfControlNotSpecified: '1',
      meansOfControlConcatenated: '-99',
      isForcedLabour: '-99',
      typeOfLabourConstruction: '-99',
      RecruiterRelationship: '-99',
      recruiterRelationUnknown: '1',
    });
    for (const [col, v] of Object.entries(r))
      if (
        /^(is|meansOfControl(?!Concatenated)|typeOf(Labour|Sex)(?!Concatenated)|recruiterRelation)/.test(col)
      )
        expect(['1', '0', '-99'], col).toContain(v);
  });
});

describe('k-anonymous CTDC export', () => {
  it('gives every quasi-identifier class at least 11 records (independent check), keeping more than the naive way', () => {
    const rows = syntheticRows(4000, 21);
    const { csv, report } = kAnonymousCtdc(rows);
    const check = smallestClass(csv);
    expect(check.records).toBe(report.exported);
    expect(check.smallest).toBeGreaterThanOrEqual(11);
    expect(report.smallestClass).toBe(check.smallest);
    const naive = naiveKAnonymousCtdc(rows);
    expect(smallestClass(naiveCsv(naive.records)).smallest).toBeGreaterThanOrEqual(11);
    expect(report.recordsDropped).toBeLessThan(naive.dropped / 4);
    expect(report.exported + report.recordsDropped).toBe(rows.length);
  });

  it('reaches k with generalisation and local suppression, not by dropping people who are unique', () => {
    // Planted people are unique on citizenship × country of exploitation: each is an outlier.
    const { rows } = attackData({ background: 3000, planted: 40, seed: 4 });
    const { csv, report } = kAnonymousCtdc(rows);
    expect(smallestClass(csv).smallest).toBeGreaterThanOrEqual(11);
    expect(report.cellsSuppressed).toBeGreaterThan(0);
    expect(report.recordsTouched).toBeGreaterThanOrEqual(1);
    expect(report.recordsDropped).toBe(0);
    // Non-identifying columns travel unchanged: the same multiset of types of exploitation.
    const count = (recs: Array<Record<string, string>>) =>
      recs.filter((r) => r.isForcedMarriage === '1').length;
    const exported = parseCsv(csv);
    const at = exported[0]!.indexOf('isForcedMarriage');
    expect(exported.slice(1).filter((r) => r[at] === '1').length).toBe(count(rows.map(ctdcRecord)));
  });

  it('refuses k under 11', () => {
    let caught: unknown;
    try {
      kAnonymousCtdc([], { k: 5 });
    } catch (e) {
      caught = e;
    }
    expect(isResearchError(caught, 'TERN_RESEARCH_BAD_PARAMETER')).toBe(true);
  });

  it('the checker itself finds a class under k in the naive file before any record is dropped', () => {
    const rows = syntheticRows(600, 5);
    expect(smallestClass(naiveCsv(rows.map(ctdcRecord))).smallest).toBeLessThan(11);
  });
});

function naiveCsv(records: Array<Record<string, string>>): string {
  return (
    [
      CTDC_HEADER.join(','),
      ...records.map((r) =>
        CTDC_HEADER.map((h) => (/[",]/.test(r[h]!) ? `"${r[h]!.replace(/"/g, '""')}"` : r[h])).join(','),
      ),
    ].join('\n') + '\n'
  );
}

describe('the CTDC export of an analytics store', () => {
  it('exports the granted missions of a DuckDB store, k-anonymous, with its as-of time', async () => {
    const store = await openDuckDbStore({ path: ':memory:', fingerprint: keys.fingerprint });
    await loadDocs(store, syntheticCaseDocs({ mission: 'm1', cases: 800, seed: 8 }), 'm1', keys);
    await loadDocs(store, syntheticCaseDocs({ mission: 'm2', cases: 300, seed: 9 }), 'm2', keys);
    const out = await exportCtdc(store, { missions: ['m1'] });
    expect(out.report.records).toBe(800);
    expect(out.asOf).not.toBeNull();
    expect(smallestClass(out.csv).smallest).toBeGreaterThanOrEqual(11);
    // Rows read back from DuckDB are the rows that went in.
    const back = await store.rows(['m1']);
    expect(back).toEqual(syntheticRows(800, 8, 'm1').sort((a, b) => (a.ref < b.ref ? -1 : 1)));
    await store.close();
  });
});
