import type { ChangeListWithWinners, MissionDb } from '@tern/store';

/**
 * The changes after `since` with their current winners (decision 227), at most `limit` in all, read
 * `chunk` at a time. A pull reads them as it
 * sends: the first documents leave after one small read instead of after the whole list (10,000
 * changes take seconds to list on LevelDB while the link stands idle), and a page ended by its byte
 * budget reads no change it will not send. Each chunk's `lastSeq` and `more` mean what `changeList`'s
 * do; the last chunk's are those of the whole list.
 */
export async function* changeChunks(
  db: Pick<MissionDb, 'changeListWithWinners'>,
  since: string | null,
  limit: number,
  chunk: number,
): AsyncGenerator<ChangeListWithWinners> {
  let from = since;
  let left = limit;
  for (;;) {
    const list = await db.changeListWithWinners(from, Math.min(chunk, left));
    yield list;
    left -= list.changes.length;
    if (!list.more || left <= 0) return;
    from = list.lastSeq;
  }
}
