import { createHash } from 'node:crypto';
import type { DocLeaves, ServerStore } from '@tern/store';
import { MemorySyncStorage } from '@tern/sync';

// Shared by the backup tests on LevelDB (backup.test.ts) and behind a URL (backup-url.test.ts).

export const body = (name: string) => ({ type: 'submission', mission: 'm1', answers: { name } });

/** A mission with a conflict (two leaves), a tombstone, an edited record; ops, forms, system, a file. */
export async function fill(s: ServerStore): Promise<void> {
  const a = new MemorySyncStorage();
  const b = new MemorySyncStorage();
  await a.save('sub:1', body('one'));
  await a.save('sub:1', body('one, edited'));
  await a.save('sub:2', body('two by a'));
  await b.save('sub:2', body('two by b'));
  await a.save('sub:3', body('three'));
  await a.save('sub:3', body('three'), { deleted: true });
  await s.mission('m1').writeReplicated([...(await a.pending(10)), ...(await b.pending(10))]);
  await s.ops('m1').put({ _id: 'device:d1', seen: 1 });
  await s.forms().put({ _id: 'form:f@1', title: 'F' });
  await s.system().put({ _id: 'account:ana', role: 'admin' });
  await s.system().put({ _id: 'session:secret-token', user: 'ana' });
  const bytes = new TextEncoder().encode('a photo');
  const digest = createHash('sha256').update(bytes).digest('hex');
  await s.attachments('m1').append(digest, 0, bytes.length, 'image/jpeg', bytes);
}

/** Every database's documents with all their leaves, as the store exports them. */
export async function contents(s: ServerStore): Promise<Record<string, DocLeaves[]>> {
  const out: Record<string, DocLeaves[]> = {};
  for (const name of await s.databases()) {
    const docs: DocLeaves[] = [];
    await s.exportDatabase(name, (d) => void docs.push(d));
    out[name] = docs.sort((x, y) => (x.id < y.id ? -1 : 1));
  }
  return out;
}
