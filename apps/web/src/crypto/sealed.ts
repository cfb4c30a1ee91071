import type { Body } from '@tern/sync';

/** A document body encrypted with AES-GCM: a fresh 96-bit IV per encryption, and the ciphertext+tag. */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

/**
 * The additional data binds a ciphertext to its record and revision: a body copied onto another
 * record or revision in IndexedDB fails to decrypt instead of being shown as that record.
 */
const aad = (id: string, rev: string) => enc.encode(`tern:${id}:${rev}`);

/**
 * Seal a body. `iv`, when given, must be 12 fresh random bytes of its own (`freshIvs`): a pulled page
 * draws them for many records in one call instead of one call per record.
 */
export async function seal(
  key: CryptoKey,
  id: string,
  rev: string,
  body: Body,
  iv: Uint8Array<ArrayBuffer> = crypto.getRandomValues(new Uint8Array(12)),
): Promise<Sealed> {
  if (iv.byteLength !== 12 || iv.buffer.byteLength !== 12)
    throw new TypeError('an IV is 12 bytes in a buffer of its own');
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: aad(id, rev) },
    key,
    enc.encode(JSON.stringify(body)),
  );
  return { iv, data };
}

export async function unseal(key: CryptoKey, id: string, rev: string, sealed: Sealed): Promise<Body> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: sealed.iv, additionalData: aad(id, rev) },
    key,
    sealed.data,
  );
  return JSON.parse(dec.decode(plain)) as Body;
}

/**
 * `n` IVs of 12 random bytes, drawn in one call per 5,000 (getRandomValues gives at most 65,536 bytes
 * at a time), each copied into a buffer of its own: a view into a shared buffer would be stored in
 * IndexedDB with the whole buffer (structured clone copies the buffer, not the view).
 */
export function freshIvs(n: number): Array<Uint8Array<ArrayBuffer>> {
  const out: Array<Uint8Array<ArrayBuffer>> = [];
  for (let from = 0; from < n; from += 5000) {
    const count = Math.min(5000, n - from);
    const all = crypto.getRandomValues(new Uint8Array(12 * count));
    for (let i = 0; i < count; i++) out.push(all.slice(12 * i, 12 * i + 12));
  }
  return out;
}

/** A short text bound to a record revision (a rejection reason), sealed like a body. */
export async function sealText(key: CryptoKey, id: string, rev: string, text: string): Promise<Sealed> {
  return seal(key, id, `${rev}:text`, { text });
}

export async function unsealText(key: CryptoKey, id: string, rev: string, sealed: Sealed): Promise<string> {
  return String((await unseal(key, id, `${rev}:text`, sealed)).text);
}

/**
 * A file's bytes (a photo, a recording), sealed under the mission's data key and bound to their
 * digest: bytes moved onto another attachment's row fail to decrypt.
 */
export async function sealBytes(
  key: CryptoKey,
  digest: string,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: enc.encode(`tern:attachment:${digest}`) },
    key,
    bytes,
  );
  return { iv, data };
}

export async function unsealBytes(
  key: CryptoKey,
  digest: string,
  sealed: Sealed,
): Promise<Uint8Array<ArrayBuffer>> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: sealed.iv, additionalData: enc.encode(`tern:attachment:${digest}`) },
    key,
    sealed.data,
  );
  return new Uint8Array(plain);
}
