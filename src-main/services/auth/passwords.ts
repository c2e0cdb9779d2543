import { randomBytes, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt with N=2^14, r=8, p=1 (about 30-50 ms on a store PC): slow enough to
 * make guessing a stolen file's 6-digit PINs costly, fast enough for a clerk.
 * Stored as `scrypt$N$r$p$salt$hash` so the cost can be raised later.
 */
const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

export function hashSecret(secret: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(secret.normalize('NFKC'), salt, KEYLEN, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function verifySecret(secret: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltB64, hashB64] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hashB64, 'base64');
  const opts: ScryptOptions = { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 };
  const actual = scryptSync(secret.normalize('NFKC'), Buffer.from(saltB64, 'base64'), expected.length, opts);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

let dummy: string | undefined;
/**
 * A hash of a random secret, checked when the user does not exist so timing
 * does not reveal user names. Made on first use: scrypt at import would slow every start.
 */
export function dummyHash(): string {
  dummy ??= hashSecret(randomBytes(8).toString('hex'));
  return dummy;
}
