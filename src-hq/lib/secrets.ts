import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: a store credential, an access token, an HQ session token. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Secrets with 256 bits of entropy need no slow hash: SHA-256 keeps a stolen database useless. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** No 0/O, 1/I/L: an enrollment code is read off one screen and typed on another. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A one-time enrollment code: 15 characters (~74 bits) in groups of five, e.g. `K7M2Q-...`. */
export function newEnrollmentCode(): string {
  let out = '';
  let n = 0;
  while (n < 15) {
    // Rejection sampling: bytes >= 248 would make the first letters likelier.
    for (const b of randomBytes(32)) {
      if (n === 15 || b >= 248) continue;
      if (n > 0 && n % 5 === 0) out += '-';
      out += CODE_ALPHABET[b % CODE_ALPHABET.length];
      n++;
    }
  }
  return out;
}

/** Case, spaces and dashes do not matter when the code is typed. */
export function normalizeEnrollmentCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}
