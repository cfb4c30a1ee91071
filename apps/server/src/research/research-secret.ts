import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIN_SECRET_BYTES } from '@tern/research';

/**
 * The research secret keys every record key and row reference of the analytics store (@tern/research
 * `researchKeys`): whoever holds it can link a store row back to a case id and undo the cell-key
 * perturbation. From `TERN_RESEARCH_SECRET` when set (at least 32 bytes); otherwise read from
 * `file`, made there on first start (32 random bytes, hex, readable by the owner only) so the embedded
 * demo needs no set-up. Changing it rebuilds the analytics store (it notices the fingerprint).
 */
export function researchSecret(
  o: { fromEnv?: string; file: string },
  log: (msg: string) => void = () => undefined,
): string {
  if (o.fromEnv !== undefined && o.fromEnv !== '') {
    if (Buffer.byteLength(o.fromEnv) < MIN_SECRET_BYTES)
      throw new Error(
        `TERN_RESEARCH_SECRET must be at least ${MIN_SECRET_BYTES} bytes (got ${Buffer.byteLength(o.fromEnv)})`,
      );
    return o.fromEnv;
  }
  if (existsSync(o.file)) {
    const kept = readFileSync(o.file, 'utf8').trim();
    if (Buffer.byteLength(kept) < MIN_SECRET_BYTES)
      throw new Error(`The research secret in ${o.file} is shorter than ${MIN_SECRET_BYTES} bytes`);
    return kept;
  }
  mkdirSync(dirname(o.file), { recursive: true });
  const made = randomBytes(MIN_SECRET_BYTES).toString('hex');
  writeFileSync(o.file, made + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(o.file, 0o600);
  log(`research secret generated in ${o.file} (keep it with the data folder's backups)`);
  return made;
}
