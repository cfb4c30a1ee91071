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

export async function seal(key: CryptoKey, id: string, rev: string, body: Body): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
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
