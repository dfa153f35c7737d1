/**
 * Fuzzing the protocol's edge (issue 10): any JSON value, any shape, sent as a call is either
 * answered or refused with coded refusals that word in both languages; never a throw, never an
 * unanswered failure, and a refused call changes nothing in the congress file.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../core/messages/index.ts';
import { CALLS, parseCall } from '../../core/protocol/index.ts';
import { refusalText } from '../../core/refusal.ts';
import { Api } from '../../db/api.ts';
import type { Workspace } from '../../db/workspace.ts';
import { countingWorkspace, snapshot } from '../db/helpers.ts';

const BUDGET_MS = Number(process.env.FUZZ_MS ?? 3000);
let api: Api;
let workspace: Workspace;

beforeAll(async () => {
  ({ workspace } = await countingWorkspace());
  api = new Api(workspace);
});
afterAll(async () => workspace.close());

const kinds = Object.keys(CALLS);
const names = [...new Set(Object.values(CALLS).flatMap((c) => Object.keys(c)))];
/** Calls that look almost right: real kinds and names, with any input at all. */
const nearCall = fc.record(
  {
    id: fc.oneof(fc.integer(), fc.constant(null), fc.string()),
    kind: fc.oneof(fc.constantFrom(...kinds), fc.string(), fc.anything()),
    name: fc.oneof(fc.constantFrom(...names), fc.string(), fc.anything()),
    input: fc.anything({ withObjectString: true, withNullPrototype: true, maxDepth: 6 }),
    session: fc.oneof(fc.string(), fc.anything()),
  },
  { requiredKeys: [] },
);
// Commands that would change the file when their input happens to be valid are left to the
// command tests: the fuzz sends them only through the edge parser.
const WRITES = new Set(['command', 'file', 'logout']);

describe('the protocol edge under random input', () => {
  it('parseCall accepts or refuses anything, never throws, refusals worded in both languages', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), nearCall), (raw) => {
        const parsed = parseCall(raw);
        if (!parsed.ok) {
          expect(parsed.error.length).toBeGreaterThan(0);
          for (const r of parsed.error)
            for (const lang of ['vi', 'en'] as const)
              expect(refusalText(r, lang).length).toBeGreaterThan(0);
        }
      }),
      { interruptAfterTimeLimit: BUDGET_MS, numRuns: 1_000_000 },
    );
  });

  it('the Api answers every read call: ok or refused, never unavailable, the file unchanged', async () => {
    const before = snapshot(workspace.service!);
    await fc.assert(
      fc.asyncProperty(nearCall, async (raw) => {
        const parsed = parseCall(raw);
        if (!parsed.ok || WRITES.has(parsed.value.kind) || parsed.value.kind === 'document') return;
        const reply = await api.handle(raw);
        expect('unavailable' in reply, JSON.stringify(reply).slice(0, 300)).toBe(false);
        if (!reply.ok)
          for (const r of reply.error) expect(refusalText(r, 'en').length).toBeGreaterThan(0);
      }),
      { interruptAfterTimeLimit: BUDGET_MS, numRuns: 1_000_000 },
    );
    expect(snapshot(workspace.service!)).toBe(before);
    expect(messages('vi').unavailable.internal.length).toBeGreaterThan(0);
  });

  it('commands with random input are refused or done, never a throw, never unavailable', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(CALLS.command)),
        fc.anything({ withNullPrototype: true, maxDepth: 4 }),
        async (name, input) => {
          const reply = await api.handle({ kind: 'command', name, input });
          expect('unavailable' in reply, JSON.stringify(reply).slice(0, 300)).toBe(false);
        },
      ),
      { interruptAfterTimeLimit: BUDGET_MS, numRuns: 1_000_000 },
    );
  });
});
