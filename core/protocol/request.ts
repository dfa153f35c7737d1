/**
 * A call as it arrives from a station, checked at the edge before anything else looks at it: the
 * same for an HTTP body, a WebSocket message and an IPC message. Nothing here trusts the shape of
 * what arrived (a `kind` may be an object with a hostile `toString`, nested 100,000 deep).
 */
import { z } from 'zod';
import type { Refusal } from '../refusal.ts';
import { err, ok, type Result } from '../result.ts';
import { CALL_KINDS, CALLS, type CallKind } from './calls.ts';

export interface CallRequest {
  readonly kind: CallKind;
  readonly name: string;
  readonly input: unknown;
  readonly session: string | undefined;
}

/** A WebSocket message also carries the id its reply answers. */
export interface CallMessage extends CallRequest {
  readonly id: number | null;
}

const envelope = z.strictObject({
  id: z.int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
  kind: z.string().max(32),
  name: z.string().max(64).optional(),
  input: z.unknown().optional(),
  session: z.string().max(256).optional(),
});

/** A call as a station sends it over IPC or HTTP (a WebSocket message adds its `id`), unchecked. */
export type SentCall = Readonly<Omit<z.input<typeof envelope>, 'id'>>;

/** Checks the envelope and names the call; the input is checked by the call's own schema. */
export function parseCall(raw: unknown): Result<CallMessage, Refusal[]> {
  const parsed = envelope.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.') || 'request';
    return err([{ code: 'bad-format', path }]);
  }
  const { id = null, kind, name = '', input, session } = parsed.data;
  if (!(CALL_KINDS as readonly string[]).includes(kind))
    return err([{ code: 'unknown-call', kind, name, allowed: CALL_KINDS, path: 'kind' }]);
  const names = Object.keys(CALLS[kind as CallKind]);
  if (!Object.hasOwn(CALLS[kind as CallKind], name))
    return err([{ code: 'unknown-call', kind, name, allowed: names, path: kind }]);
  return ok({ id, kind: kind as CallKind, name, input: input ?? {}, session });
}
