/**
 * What every call answers, whatever carries it: ok with its value; refused, with coded refusals the
 * client words in its user's language; or unavailable, when the call could not be answered at all.
 */
import type { Refusal } from '../refusal.ts';

/** Why a call got no answer: the station lost the host, or the host failed unexpectedly. */
export type Unavailable = 'disconnected' | 'internal';

export type Reply<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: readonly Refusal[] }
  | { readonly ok: false; readonly error: readonly []; readonly unavailable: Unavailable };

export const answered = <T>(value: T): Reply<T> => ({ ok: true, value });

export const refusedWith = (error: readonly Refusal[]): Reply<never> => ({ ok: false, error });

export const unavailable = (why: Unavailable): Reply<never> => ({
  ok: false,
  error: [],
  unavailable: why,
});

export const isUnavailable = (
  reply: Reply<unknown>,
): reply is { ok: false; error: readonly []; unavailable: Unavailable } =>
  !reply.ok && 'unavailable' in reply;

/** The paths of a refusal naming a call that does not exist. */
const CALL_PATHS: ReadonlySet<string> = new Set([
  'kind',
  'url',
  'command',
  'query',
  'file',
  'document',
]);

/** The HTTP status of a reply, from its first refusal: the same reply, whatever the transport. */
export function httpStatus(reply: Reply<unknown>): number {
  if (reply.ok) return 200;
  if ('unavailable' in reply) return 503;
  switch (reply.error[0]?.code) {
    case 'not-json':
      return 400;
    case 'token':
    case 'login-required':
    case 'wrong-pin':
      return 401;
    case 'forbidden':
      return 403;
    case 'unknown-call':
      return 404;
    case 'enum':
      return CALL_PATHS.has(reply.error[0].path) ? 404 : 422;
    case 'pairing':
      return reply.error[0].reason === 'too-many' ? 429 : 401;
    case 'no-file':
      return 409;
    case 'too-large':
      return 413;
    case 'throttled':
      return 429;
    default:
      return 422;
  }
}

/**
 * Anything thrown while answering: a bug, a full disk, SQLITE_BUSY. The station gets an answer it
 * can retry; the host reports the error itself. Every transport uses this one function.
 */
export const replyFromThrown = (_thrown: unknown): Reply<never> => unavailable('internal');
