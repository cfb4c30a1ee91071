import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt (RFC 7914) from Node's crypto: no native add-on to build. Parameters
 * follow OWASP's password storage cheat sheet minimum for scrypt (N=2^17, r=8, p=1) scaled to
 * N=2^15 with the same memory-hardness class, which keeps a login near 100 ms on a field laptop.
 * Stored as `scrypt$N$r$p$salt$hash` (base64) so the parameters can be raised later: old hashes keep
 * verifying with the parameters they were made with.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LEN = 32;

function derive(
  password: string,
  salt: Uint8Array,
  o: { N: number; r: number; p: number },
): Promise<Uint8Array> {
  const options: ScryptOptions = { N: o.N, r: o.r, p: o.p, maxmem: 256 * o.N * o.r };
  return new Promise((ok, fail) =>
    scrypt(password.normalize('NFC'), salt, KEY_LEN, options, (err, key) =>
      err ? fail(err) : ok(new Uint8Array(key)),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = new Uint8Array(randomBytes(16));
  const key = await derive(password, salt, PARAMS);
  return [
    'scrypt',
    PARAMS.N,
    PARAMS.r,
    PARAMS.p,
    Buffer.from(salt).toString('base64'),
    Buffer.from(key).toString('base64'),
  ].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = new Uint8Array(Buffer.from(hash, 'base64'));
  const got = await derive(password, new Uint8Array(Buffer.from(salt, 'base64')), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/**
 * A hash of no one's password: verifying against it when the account does not exist makes a failed
 * login take as long either way, so response time does not tell which usernames exist.
 */
export const DUMMY_HASH = `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;
