/** The shapes a window may send over IPC, checked before anything reaches the API. */
import { z } from 'zod';
import { zodRefusals } from '../core/record.ts';
import { refusalText } from '../core/refusal.ts';
import type { BridgeReply } from './bridge.ts';

export const callRequest = z.strictObject({
  kind: z.string().max(32),
  name: z.string().max(64).optional(),
  input: z.unknown().optional(),
  session: z.string().max(256).optional(),
});

export const dialogRequest = z.strictObject({
  kind: z.enum(['open', 'save', 'sheet']),
  options: z.strictObject({ defaultName: z.string().max(200).optional() }).optional(),
});

/** The reply to a malformed request: the API's refusal body, nothing called. */
export const malformed = (error: z.ZodError): BridgeReply => {
  const refusals = zodRefusals(error, ['request']);
  return { ok: false, error: refusals, messages: refusals.map((r) => refusalText(r, 'vi')) };
};
