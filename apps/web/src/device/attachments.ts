import type { AttachmentRef } from '@tern/forms';
import { sealBytes, unsealBytes } from '../crypto/sealed.ts';
import type { AttachmentRow, TernDb } from './db.ts';

/** The largest file a media answer may carry, unless the deployment says otherwise (decision 125). */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** A file over the size limit: refused before anything is stored. */
export class AttachmentTooLargeError extends Error {
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(`The file is ${size} bytes; at most ${limit} are allowed`);
    this.name = 'AttachmentTooLargeError';
  }
}

/** The sha-256 of some bytes in lowercase hex (WebCrypto). */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The media files of one mission on this device: stored sealed under the mission's data key, named
 * by their sha-256, so the same photo attached twice is kept once.
 */
export class DeviceAttachments {
  constructor(
    private readonly db: TernDb,
    private readonly mission: string,
    private readonly key: CryptoKey,
    readonly maxBytes = DEFAULT_MAX_ATTACHMENT_BYTES,
  ) {}

  /** Stores a file and returns the answer that names it. Over the limit: `AttachmentTooLargeError`, nothing stored. */
  async put(bytes: Uint8Array<ArrayBuffer>, mediaType: string, name: string): Promise<AttachmentRef> {
    if (bytes.byteLength > this.maxBytes) throw new AttachmentTooLargeError(bytes.byteLength, this.maxBytes);
    const digest = await sha256Hex(bytes);
    const type = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i.test(mediaType)
      ? mediaType.toLowerCase()
      : 'application/octet-stream';
    const ref: AttachmentRef = { digest, mediaType: type, size: bytes.byteLength, name: safeName(name) };
    const existing = await this.db.attachments.get([this.mission, digest]);
    if (!existing) {
      const row: AttachmentRow = {
        digest,
        mission: this.mission,
        mediaType: type,
        size: bytes.byteLength,
        sealed: await sealBytes(this.key, digest, bytes),
        uploaded: 0,
        createdAt: new Date().toISOString(),
      };
      await this.db.attachments.put(row);
    }
    return ref;
  }

  /** The bytes of a stored file, or null when this device does not hold them. */
  async bytes(digest: string): Promise<Uint8Array<ArrayBuffer> | null> {
    const row = await this.db.attachments.get([this.mission, digest]);
    if (!row) return null;
    return unsealBytes(this.key, digest, row.sealed);
  }

  /** Files not yet wholly on the server. */
  async pendingUploads(): Promise<AttachmentRow[]> {
    const rows = await this.db.attachments.where('mission').equals(this.mission).toArray();
    return rows.filter((r) => r.uploaded < r.size);
  }

  /**
   * Files uploaded to a server that did not (yet) say headquarters holds them (decision 229): a relay
   * that has not passed them on. Each sync asks again, and sends them anew to a server that lacks them
   * (the tablet now syncs with headquarters, or the relay lost them).
   */
  async notYetAtHeadquarters(): Promise<AttachmentRow[]> {
    const rows = await this.db.attachments.where('mission').equals(this.mission).toArray();
    return rows.filter((r) => r.uploaded >= r.size && r.atHeadquarters !== true);
  }

  async setUploaded(digest: string, uploaded: number, atHeadquarters = false): Promise<void> {
    await this.db.attachments.update([this.mission, digest], {
      uploaded,
      ...(atHeadquarters ? { atHeadquarters: true } : {}),
    });
  }
}

/** A file name as a person chose it, without folders or control characters, 1–255 characters. */
export function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = Array.from(base)
    .filter((ch) => ch.charCodeAt(0) > 0x1f && ch !== '\u007f')
    .join('')
    .trim()
    .slice(0, 255);
  return clean === '' ? 'file' : clean;
}
