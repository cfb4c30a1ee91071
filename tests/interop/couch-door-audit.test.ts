import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startServer } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { authedRemote, bearerToken, pouchClient, submissionDoc } from '../support/pouch-client.ts';

/**
 * Issue 12, item 4: a PouchDB push or pull by an interviewer through the CouchDB door left no audit
 * entry for what it read (docs/security.md promises every sync exchange with its `id rev` pairs). A
 * real PouchDB 9 client replicating as the demo interviewer against a real server process; the
 * admin then reads the audit log: the push and the pull are there, and nothing was refused.
 */
let server: ServerHandle;
beforeAll(async () => {
  server = await startServer({});
});
afterAll(async () => server?.stop());

interface Entry {
  action: string;
  actor?: string;
  outcome: string;
  mission: string | null;
  details?: { stored?: string[]; pulled?: string[]; route?: string };
}

async function auditOf(actor: string): Promise<Entry[]> {
  const admin = await bearerToken(server.url, DEMO.admin.username, DEMO.admin.password);
  const res = await fetch(`${server.url}/api/admin/audit?limit=1000&actor=${actor}`, {
    headers: { authorization: `Bearer ${admin}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { entries: Entry[] }).entries;
}

describe('the CouchDB door is audited like the compact door', () => {
  // Pushing through the CouchDB door stores revisions as sent (`new_edits:false`): a data officer's
  // replication, not an interviewer's (decision 093); interviewers pull there and push at the compact door.
  it("an officer's PouchDB push and an interviewer's pull leave entries with the id rev pairs, and no refusal", async () => {
    const officer = DEMO.officer.username;
    const who = DEMO.interviewer.username;
    const officerToken = await bearerToken(server.url, officer, DEMO.officer.password);
    const token = await bearerToken(server.url, who, DEMO.interviewer.password);
    const remote = authedRemote(`${server.url}/couch/demo`, token);
    const phone = pouchClient();
    const other = pouchClient();
    try {
      // The interviewer's own records (tied to no case, made by them): an interviewer pulls only what
      // is theirs (decision 135).
      const docs = Array.from({ length: 5 }, (_, i) => ({
        ...submissionDoc('demo', `Audit ${i}`),
        createdBy: who,
      }));
      await phone.db.bulkDocs(docs);
      const pushed = await phone.db.replicate.to(authedRemote(`${server.url}/couch/demo`, officerToken));
      expect(pushed.docs_written).toBe(5);
      const pulled = await other.db.replicate.from(remote);
      expect(pulled.docs_written).toBeGreaterThanOrEqual(5);

      const entries = await auditOf(who);
      const pushes = await auditOf(officer);
      expect([...entries, ...pushes].filter((e) => e.outcome !== 'ok')).toEqual([]);
      const stored = pushes.filter((e) => e.action === 'couch.write').flatMap((e) => e.details?.stored ?? []);
      const reads = entries.filter((e) => e.action === 'couch.read' && e.mission === 'demo');
      const sent = reads.flatMap((e) => e.details?.pulled ?? []);
      for (const d of docs) {
        const { _rev: rev } = (await phone.db.get(d._id)) as { _rev: string };
        expect(stored).toContain(`${d._id} ${rev}`);
        expect(sent).toContain(`${d._id} ${rev}`);
      }
    } finally {
      await phone.destroy();
      await other.destroy();
    }
  });
});
