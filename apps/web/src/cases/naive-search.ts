import type { CaseBody } from '@tern/cases';
import type { TernDb } from '../device/db.ts';
import { docsOf } from '../device/doc-repository.ts';
import { fold } from './case-index.ts';

/**
 * The benchmark's baseline, and what the in-memory index replaces: on every search, read every case
 * row of the mission from IndexedDB and decrypt it to compare the name. Correct, simple, and slow in
 * proportion to the number of cases (tests/bench/case-search.bench.ts measures by how much).
 */
export async function naiveSearch(
  db: TernDb,
  key: CryptoKey,
  mission: string,
  text: string,
  limit = 50,
): Promise<{ total: number; rows: Array<{ id: string; body: CaseBody }> }> {
  const words = fold(text).split(' ').filter(Boolean);
  const docs = docsOf(db);
  const rows = await docs.find({ mission, type: 'case', live: true, newestFirst: true });
  const bodies = await Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      body: (await docs.openBody(key, r)) as unknown as CaseBody,
    })),
  );
  const hits = bodies.filter((b) => {
    const hay = fold(`${b.body.code} ${b.body.pii.fullName} ${b.body.pii.otherNames ?? ''}`);
    return words.every((w) => hay.includes(w));
  });
  return { total: hits.length, rows: hits.slice(0, limit) };
}
