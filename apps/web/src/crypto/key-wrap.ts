/**
 * Keys on the device. A mission's data key (AES-GCM 256, random, from the server at online login) is
 * kept only wrapped under a key derived from the user's password with PBKDF2-SHA256. OWASP's password
 * storage cheat sheet asks for at least 310,000 iterations of PBKDF2-HMAC-SHA256 (2021 figure; 600,000
 * in its 2023 revision: the count is stored per keyring, so it can be raised without a migration).
 */
export const PBKDF2_ITERATIONS = 310_000;

const enc = new TextEncoder();

export function toB64(b: ArrayBuffer | Uint8Array): string {
  const bytes = new Uint8Array(b);
  let s = '';
  // In chunks: spreading a large array into fromCharCode overflows the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
export const fromB64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

export function newSalt(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(16));
}

/** The key-encryption key: never stored, derived again at every login. */
export async function deriveWrappingKey(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', enc.encode(password.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

export interface WrappedKey {
  iv: Uint8Array<ArrayBuffer>;
  wrapped: ArrayBuffer;
}

/** Wrap raw key bytes (AES-GCM: wrapping is authenticated, so a wrong password cannot unwrap). */
export async function wrapDataKey(raw: Uint8Array<ArrayBuffer>, kek: CryptoKey): Promise<WrappedKey> {
  const key = await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, true, ['encrypt', 'decrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const wrapped = await crypto.subtle.wrapKey('raw', key, kek, { name: 'AES-GCM', iv });
  return { iv, wrapped };
}

/** Unwrap into a non-extractable key: page scripts can use it but never read its bytes. */
export async function unwrapDataKey(w: WrappedKey, kek: CryptoKey): Promise<CryptoKey> {
  return crypto.subtle.unwrapKey(
    'raw',
    w.wrapped,
    kek,
    { name: 'AES-GCM', iv: w.iv },
    { name: 'AES-GCM' },
    false,
    ['encrypt', 'decrypt'],
  );
}
