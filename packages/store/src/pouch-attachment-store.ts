import { createHash } from 'node:crypto';
import type { AttachmentStatus, AttachmentStore, StoredFile } from './attachment-store.ts';
import { StoreError } from './errors.ts';
import type { Pouch } from './pouch.ts';
import { translated } from './pouch-errors.ts';

const DIGEST = /^[0-9a-f]{64}$/;

interface UploadDoc {
  _id: string;
  _rev?: string;
  size: number;
  mediaType: string;
  received: number;
  /** Offsets of the stored chunks, in order. */
  chunks: number[];
  complete: boolean;
}

const uploadId = (digest: string) => `upload:${digest}`;
const chunkId = (digest: string, offset: number) => `chunk:${digest}:${String(offset).padStart(16, '0')}`;

/**
 * Files on PouchDB, one database per mission beside its records (never synced, never in `_changes` of
 * the records): an `upload:<digest>` document says how far the upload went; each chunk is a
 * `chunk:<digest>:<offset>` document carrying the bytes as a PouchDB attachment. Appends to one file
 * are serialised in this process (one server process per store folder, decision 081).
 */
export class PouchAttachmentStore implements AttachmentStore {
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(
    readonly mission: string,
    private readonly db: Pouch,
  ) {}

  private serial<T>(digest: string, run: () => Promise<T>): Promise<T> {
    const before = this.locks.get(digest) ?? Promise.resolve();
    const next = before.then(run, run);
    const settled = next.catch(() => undefined);
    this.locks.set(digest, settled);
    void settled.then(() => {
      if (this.locks.get(digest) === settled) this.locks.delete(digest);
    });
    return next;
  }

  private async upload(digest: string): Promise<UploadDoc | undefined> {
    if (!DIGEST.test(digest))
      throw new StoreError('TERN_STORE_INVALID', `${JSON.stringify(digest)} is not a sha-256 in hex`);
    try {
      return (await this.db.get(uploadId(digest))) as unknown as UploadDoc;
    } catch (e) {
      if ((e as { status?: number }).status === 404) return undefined;
      return translated('attachment status', () => Promise.reject(e));
    }
  }

  async status(digest: string): Promise<AttachmentStatus> {
    const u = await this.upload(digest);
    return u
      ? { digest, received: u.received, size: u.size, mediaType: u.mediaType, complete: u.complete }
      : { digest, received: 0, size: null, mediaType: null, complete: false };
  }

  append(
    digest: string,
    offset: number,
    size: number,
    mediaType: string,
    bytes: Uint8Array,
  ): Promise<AttachmentStatus> {
    return this.serial(digest, async () => {
      const u = (await this.upload(digest)) ?? {
        _id: uploadId(digest),
        size,
        mediaType,
        received: 0,
        chunks: [],
        complete: false,
      };
      if (u.complete) return this.status(digest);
      if (u.size !== size || u.mediaType !== mediaType)
        throw new StoreError(
          'TERN_STORE_INVALID',
          `this upload announced ${u.size} bytes of ${u.mediaType}, not ${size} of ${mediaType}`,
        );
      if (offset !== u.received)
        throw new StoreError(
          'TERN_STORE_CONFLICT',
          `the server holds ${u.received} bytes of this file; a chunk must start there, not at ${offset}`,
        );
      if (bytes.byteLength === 0 && size > 0)
        throw new StoreError('TERN_STORE_INVALID', 'an empty chunk adds nothing');
      if (offset + bytes.byteLength > size)
        throw new StoreError(
          'TERN_STORE_INVALID',
          `the chunk ends at byte ${offset + bytes.byteLength}, after the file's ${size} bytes`,
        );
      const id = chunkId(digest, offset);
      // A chunk left by an attempt that failed before the upload document moved on is replaced.
      const stale = await this.db.get(id).catch(() => undefined);
      await translated('attachment chunk', () =>
        this.db.put({
          _id: id,
          ...(stale ? { _rev: stale._rev } : {}),
          _attachments: {
            bytes: { content_type: 'application/octet-stream', data: Buffer.from(bytes) },
          },
        } as never),
      );
      u.received = offset + bytes.byteLength;
      u.chunks = [...u.chunks, offset];
      if (u.received === size) {
        const whole = await this.concat(digest, u.chunks);
        const got = createHash('sha256').update(whole).digest('hex');
        if (got !== digest) {
          await this.discard(digest, u);
          throw new StoreError(
            'TERN_STORE_INVALID',
            `the ${size} bytes received have sha-256 ${got}, not ${digest}; they were discarded`,
          );
        }
        u.complete = true;
      }
      const res = await translated('attachment upload', () => this.db.put(u as never));
      u._rev = res.rev;
      return { digest, received: u.received, size: u.size, mediaType: u.mediaType, complete: u.complete };
    });
  }

  private async concat(digest: string, offsets: number[]): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    for (const offset of offsets) {
      const doc = (await translated('attachment read', () =>
        this.db.get(chunkId(digest, offset), { attachments: true, binary: true }),
      )) as unknown as { _attachments: { bytes: { data: Buffer } } };
      parts.push(new Uint8Array(doc._attachments.bytes.data));
    }
    const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.byteLength;
    }
    return out;
  }

  /** Removes an upload's chunks and its document: the next upload of this digest starts at 0. */
  private async discard(digest: string, u: UploadDoc): Promise<void> {
    for (const offset of u.chunks) {
      const doc = await this.db.get(chunkId(digest, offset)).catch(() => undefined);
      if (doc) await translated('attachment discard', () => this.db.remove(doc));
    }
    if (u._rev) await translated('attachment discard', () => this.db.remove(u._id, u._rev!));
  }

  async read(digest: string): Promise<StoredFile | undefined> {
    const u = await this.upload(digest);
    if (!u?.complete) return undefined;
    const bytes = await this.concat(digest, u.chunks);
    return { digest, mediaType: u.mediaType, size: u.size, bytes };
  }
}
