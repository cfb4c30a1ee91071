import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { DocLeaves } from '@tern/store';

/**
 * The backup folder (docs/decisions/150-backup-format.md): `manifest.json` and one NDJSON file per
 * database, one line per document: `{"id", "leaves", "sha256"}` where `sha256` is the digest of the
 * JSON of `leaves` as written, so a damaged line is found by its number, not only its file.
 */
export const BACKUP_FORMAT = 'tern-backup-1';
export const MANIFEST = 'manifest.json';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha-256 in lowercase hex');

export const DatabaseEntry = z.strictObject({
  name: z
    .string()
    .regex(/^(forms|system|(mission|ops|files)-[a-z0-9][a-z0-9-]{0,62})$/, 'not a Tern database'),
  file: z.string().regex(/^[a-z0-9-]+\.ndjson$/, 'must be <database>.ndjson'),
  /** Distinct documents. */
  docs: z.int().nonnegative(),
  /** Lines: a document written while the backup ran may appear twice, the later line holding more. */
  lines: z.int().nonnegative(),
  bytes: z.int().nonnegative(),
  /** The database's update sequence when its read began: the backup holds at least this point. */
  updateSeqAtStart: z.string(),
  sha256: Sha256,
});
export type DatabaseEntry = z.infer<typeof DatabaseEntry>;

export const Manifest = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  ternVersion: z.string(),
  /** What a backup never holds, in words (sessions: everyone logs in again after a restore). */
  leftOut: z.array(z.string()),
  databases: z.array(DatabaseEntry),
});
export type Manifest = z.infer<typeof Manifest>;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function lineOf(doc: DocLeaves): string {
  const leaves = JSON.stringify(doc.leaves);
  return `{"id":${JSON.stringify(doc.id)},"leaves":${leaves},"sha256":"${sha256(leaves)}"}\n`;
}

export function ternVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? 'unknown';
}
