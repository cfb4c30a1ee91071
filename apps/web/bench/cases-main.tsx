import { useId, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { openDb } from '../src/device/db.ts';
import { docsOf } from '../src/device/doc-repository.ts';
import { saveSubmission } from '../src/records/submissions.ts';
import '../src/i18n/i18n.ts';
import { CaseIndex } from '../src/cases/case-index.ts';
import { CaseList } from '../src/cases/CaseList.tsx';
import { createCase } from '../src/cases/case-store.ts';
import { registerDevice } from '../src/cases/device-number.ts';
import { naiveSearch } from '../src/cases/naive-search.ts';

/**
 * The case search benchmark page (tests/bench/case-search.bench.ts). It fills IndexedDB with CASES
 * cases, each with a Screening, through the app's own code path (createCase, saveSubmission: sealed
 * under a data key), once per browser profile; then shows either the app's case list over the
 * in-memory index (?mode=index) or the baseline that decrypts every case on each search (?mode=naive).
 */
declare global {
  interface Window {
    __casesBench?: { ready: boolean; mode: string; cases: number; generateMs: number; buildMs: number };
  }
}

const CASES = Number(new URLSearchParams(location.search).get('cases') ?? 5000);
const MODE = new URLSearchParams(location.search).get('mode') ?? 'index';
const MISSION = 'bench';
const DEVICE = 'dev-01J0000000000000000BENCH0';

const GIVEN = [
  'Amina',
  'Fatima',
  'Grace',
  'Blessing',
  'Mariam',
  'Leila',
  'Olena',
  'Ana',
  'Rosa',
  'Nadia',
  'Ibrahim',
  'Moses',
  'Yusuf',
  'Samuel',
  'Omar',
  'Andriy',
  'José',
  'Ahmed',
  'Kofi',
  'Rahul',
  'Tuan',
  'Bilal',
  'Lucía',
  'Zainab',
];
const FAMILY = [
  'Okafor',
  'Bello',
  'Haddad',
  'Mensah',
  'Diallo',
  'Kovalenko',
  'García',
  'Nguyen',
  'Khan',
  'Traoré',
  'Mohammed',
  'Osei',
  'Ibrahim',
  'Petrenko',
  'López',
  'Rahman',
  'Camara',
  'Adeyemi',
  'Sow',
  'Tran',
  'Hussein',
];

async function benchKey(): Promise<CryptoKey> {
  // A fixed key so that every page load of the benchmark opens the same sealed rows (never do this in the app).
  const raw = new Uint8Array(32).map((_, i) => (i * 37 + 11) & 0xff);
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

async function generate(db: ReturnType<typeof openDb>, key: CryptoKey): Promise<number> {
  const have = await docsOf(db).count({ type: 'case' });
  if (have >= CASES) return 0;
  const t0 = performance.now();
  await registerDevice(
    db,
    MISSION,
    DEVICE,
    (async () => new Response(JSON.stringify({ number: 1 }))) as unknown as typeof fetch,
  );
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const one = async () => {
    const name = `${GIVEN[Math.floor(rand() * GIVEN.length)]} ${FAMILY[Math.floor(rand() * FAMILY.length)]}`;
    const { open } = await createCase(db, key, {
      mission: MISSION,
      device: DEVICE,
      user: rand() < 0.8 ? 'interviewer' : 'officer',
      pii: { fullName: name },
    });
    await saveSubmission(db, key, {
      mission: MISSION,
      form: 'screening@1',
      answers: { interview_date: '2026-11-20', con_Consent: 'yes', prs_FirstName: name.split(' ')[0] },
      device: DEVICE,
      caseId: open.id,
    });
  };
  for (let i = have; i < CASES; i += 50)
    await Promise.all(Array.from({ length: Math.min(50, CASES - i) }, () => one()));
  return performance.now() - t0;
}

/** The baseline list: the same search box, searching by decrypting every case row each time. */
function NaiveList(props: { db: ReturnType<typeof openDb>; dataKey: CryptoKey }) {
  const ids = useId();
  const [text, setText] = useState('');
  const [shown, setShown] = useState<{
    q: string;
    total: number;
    rows: Array<{ id: string; name: string; code: string }>;
  }>({ q: '', total: 0, rows: [] });
  const latest = { current: '' };
  const search = (q: string) => {
    setText(q);
    latest.current = q;
    void naiveSearch(props.db, props.dataKey, MISSION, q).then((r) => {
      setShown({
        q,
        total: r.total,
        rows: r.rows.map((x) => ({ id: x.id, name: x.body.pii.fullName, code: x.body.code })),
      });
    });
  };
  return (
    <div className="case-list">
      <label htmlFor={`${ids}-q`}>Search by case code or name</label>
      <input id={`${ids}-q`} type="search" value={text} onChange={(e) => search(e.target.value)} />
      <p className="case-count" data-query={shown.q} data-total={shown.total}>
        {shown.rows.length} of {shown.total} cases
      </p>
      <table className="cases">
        <tbody>
          {shown.rows.map((r) => (
            <tr key={r.id}>
              <td>{r.code}</td>
              <td>{r.name}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

async function main() {
  const db = openDb('tern-bench');
  const key = await benchKey();
  const generateMs = await generate(db, key);
  const cases = await docsOf(db).count({ type: 'case' });
  const t0 = performance.now();
  const index = new CaseIndex(db, key, MISSION);
  if (MODE === 'index') await index.ready();
  const buildMs = performance.now() - t0;
  createRoot(document.getElementById('root')!).render(
    MODE === 'index' ? (
      <CaseList index={index} onOpen={() => undefined} />
    ) : (
      <NaiveList db={db} dataKey={key} />
    ),
  );
  requestAnimationFrame(() => {
    window.__casesBench = { ready: true, mode: MODE, cases, generateMs, buildMs };
  });
}

void main();
