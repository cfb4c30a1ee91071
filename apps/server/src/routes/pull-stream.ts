import { Readable } from 'node:stream';
import type { DocStore, MissionDb } from '@tern/store';
import type { PushResult } from '@tern/sync';
import { openConflictsForPage } from '../merge/merge-records.ts';
import { changeChunks } from './change-chunks.ts';
import type { RecordView } from './record-view.ts';

/** Byte budget of one pulled page (JSON, before gzip): big pages cost fewer round trips on slow links. */
export const PULL_PAGE_BYTES = 8 * 1024 * 1024;
/** Changes and documents read from the store at a time while the response is already flowing. */
const CHUNK = 200;

export interface PullStreamArgs {
  db: MissionDb;
  ops: DocStore;
  results: PushResult[];
  /** The sequence to pull after (the checkpoint's, without its epoch). */
  since: string | null;
  /** The mission database's epoch, carried in the checkpoint as `<epoch>@<seq>` (decision 152). */
  epoch: string;
  pullLimit: number;
  /** `id rev` of the revisions pushed in this request (not echoed back unless under review). */
  pushedNow: Set<string>;
  /** Called once the whole page went out, with the `id rev` pairs sent (for the audit log). */
  onComplete: (pulled: string[]) => Promise<void>;
  /**
   * The caller's view of the mission (an interviewer's: decision 135); null or absent: the whole
   * mission. Hidden changes are skipped; a case that left the caller's view is named in `gone`.
   */
  view?: RecordView | null;
  /** Tests only: smaller reads and pages than CHUNK and PULL_PAGE_BYTES. */
  chunk?: number;
  pageBytes?: number;
}

/**
 * The compact-sync response as a stream: `{"results":…,"changes":[` then each pulled document as it
 * is read from the store, then `],"checkpoint":…,"more":…}`. On a slow link the store's work overlaps
 * the transfer instead of leaving the link idle while a whole page is built; gzip (@fastify/compress)
 * compresses as it flows. `gone` (after the changes) names the cases that left the caller's view in
 * this page, so the device drops them and their records (decision 136). If anything fails midway the response is cut short, the client's JSON does
 * not parse, and it retries from its stored checkpoint: nothing half-applied.
 */
export function pullStream(a: PullStreamArgs): Readable {
  return Readable.from(body(a), { objectMode: false });
}

async function* body(a: PullStreamArgs): AsyncGenerator<string> {
  const lists = changeChunks(a.db, a.since, a.pullLimit, a.chunk ?? CHUNK);
  // The first read before the first byte: a store that fails at once gives an error answer.
  let next = await lists.next();
  yield `{"results":${JSON.stringify(a.results)},"changes":[`;
  let lastSeq = a.since ?? '0';
  let more = false;
  let bytes = 0;
  let sent = 0;
  const pulled: string[] = [];
  const gone: string[] = [];
  const conflictsOf = openConflictsForPage(a.ops, a.chunk ?? CHUNK);
  /** The documents of the chunk being read, written out together. */
  const out: string[] = [];
  outer: for (; !next.done; next = await lists.next()) {
    const chunk = next.value.changes;
    const seqBefore = lastSeq;
    ({ lastSeq, more } = next.value);
    // Read with the change list, in one pass (decision 227).
    const winners = next.value.docs;
    const shown = a.view ? await a.view.visible(winners) : undefined;
    const open = await conflictsOf(chunk.map((c) => c.id));
    for (let j = 0; j < chunk.length; j++) {
      let doc = winners[j];
      if (!doc) continue;
      if (shown && !shown[j]) {
        if (a.view!.leftTheirView(doc)) gone.push(doc._id);
        continue;
      }
      const c = open.get(doc._id);
      // Under review: `_conflicts` lists the other live leaves (as CouchDB does) and `_disputed` the
      // clashing field paths, so the device can say what is under review.
      if (c) doc = { ...doc, _conflicts: c.leaves.filter((r) => r !== doc!._rev), _disputed: c.fields };
      // Do not echo back what this request just pushed (the device has it), except when that push
      // opened or kept a conflict: the device must learn the record is under review.
      const key = `${doc._id} ${doc._rev}`;
      if (a.pushedNow.has(key) && !c) continue;
      const json = JSON.stringify(doc);
      if (sent > 0 && bytes + json.length > (a.pageBytes ?? PULL_PAGE_BYTES)) {
        lastSeq = j > 0 ? chunk[j - 1]!.seq : seqBefore;
        more = true;
        break outer;
      }
      out.push((sent === 0 ? '' : ',') + json);
      bytes += json.length;
      sent += 1;
      pulled.push(key);
    }
    // One write per chunk read, not per document: each write is a call into zlib and the socket
    // (12,663 of them took a quarter of a first pull's serving time: decision 227). The stream still
    // moves every CHUNK documents, so a slow link is never left idle while a page is built.
    if (out.length > 0) yield out.splice(0).join('');
  }
  if (out.length > 0) yield out.join('');
  await a.onComplete(pulled);
  const goneField = gone.length > 0 ? `,"gone":${JSON.stringify(gone)}` : '';
  yield `]${goneField},"checkpoint":${JSON.stringify(`${a.epoch}@${lastSeq}`)},"more":${more}}`;
}
