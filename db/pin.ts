/** Operator PINs, stored only as a slow, salted hash (scrypt), compared in constant time. */
import { createHash, randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

// N = 2^15 makes one guess cost ~50 ms: a 6-digit PIN takes days to brute-force from a stolen file.
const PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(pin.normalize('NFC'), salt, KEY_LENGTH, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export function checkPin(pin: string, stored: string): boolean {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = scryptSync(pin.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return timingSafeEqual(actual, expected);
}

/** The same check off the event loop (libuv's thread pool): other stations keep being answered. */
export function checkPinAsync(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return Promise.resolve(false);
  const expected = Buffer.from(key, 'base64');
  return new Promise((resolve) => {
    scrypt(
      pin.normalize('NFC'),
      Buffer.from(salt, 'base64'),
      expected.length,
      { N: Number(n), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem },
      (error, actual) => resolve(error === null && timingSafeEqual(actual, expected)),
    );
  });
}

/** What the audit log keeps of a stored PIN hash: its SHA-256, which the salt keeps from the PIN. */
export const pinCommitment = (stored: string): string =>
  createHash('sha256').update(stored, 'utf8').digest('hex');
