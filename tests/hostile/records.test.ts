/**
 * Hostile election records (issue 10, items 7, 8, 11): candidate ids named like the built-in
 * members of Object, Function and Array, invalid UTF-8, control characters and escape sequences,
 * deep nesting, a million-times struck id. Each is counted exactly or refused with a message that
 * names what and where; none crashes the CLI, and a crash would never exit like a refusal.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRecord } from '../../core/record.ts';
import { refusalText, type Refusal } from '../../core/refusal.ts';
import { Tally } from '../../core/tally.ts';
import { main } from '../../cli/main.ts';
import { EXIT } from '../../cli/io.ts';
import { readRecord } from '../../cli/read-record.ts';
import { rawRecord } from '../helpers/record.ts';
import { runCli } from '../cli/run-cli.ts';
import { BUILT_IN_NAMES } from './built-in-names.ts';

/** A record opened up for an attack: any field may be set to anything. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = Record<string, any>;

const dir = mkdtempSync(join(tmpdir(), 'kiem-phieu-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
function file(content: string | Uint8Array): string {
  const path = join(dir, `r${++files}.json`);
  writeFileSync(path, content);
  return path;
}

/** A record as a file would hold it: through JSON text, so `__proto__` is an own key. */
const asFile = (raw: unknown): unknown => JSON.parse(JSON.stringify(raw));

/** Marks as an object with own keys (a literal `{ __proto__: … }` would set the prototype). */
const marks = (pairs: readonly (readonly [string, string])[]): Record<string, string> =>
  Object.fromEntries(pairs);

function recordWith(ids: readonly string[], layout: 'strike' | 'approve', ballots: unknown[]) {
  const raw = rawRecord({
    candidates: ids.length,
    seats: layout === 'approve' ? ids.length : Math.max(1, ids.length - 1),
    layout,
    kind: layout === 'approve' ? 'secretary' : 'committee',
    convened: 10,
    ballots,
  });
  (raw.candidates as { id: string }[]).forEach((c, i) => (c.id = ids[i] ?? ''));
  return asFile(raw);
}

function refusalsOf(raw: unknown): Refusal[] {
  const parsed = parseRecord(raw);
  if (parsed.ok) throw new Error('expected a refusal');
  return parsed.error;
}

/** A small deterministic generator, so a failure is reproducible. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const MARKS = ['agree', 'disagree', 'both', 'none'] as const;

describe('candidate ids named like built-in members (issue 10, item 7)', () => {
  it(`lists ${BUILT_IN_NAMES.length} names, __proto__ and constructor among them`, () => {
    expect(BUILT_IN_NAMES).toEqual(
      expect.arrayContaining(['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty']),
    );
    expect(BUILT_IN_NAMES.length).toBeGreaterThan(50);
  });

  it('an approve election with one such candidate counts every agree (7 of 10)', () => {
    for (const id of BUILT_IN_NAMES) {
      const ballots = [
        ...Array.from({ length: 7 }, () => ({ marks: marks([[id, 'agree']]) })),
        { marks: marks([[id, 'disagree']]) },
        { marks: marks([[id, 'both']]) },
        { marks: marks([[id, 'none']]) },
      ].map((b, i) => ({ n: i + 1, ...b }));
      const parsed = parseRecord(recordWith([id], 'approve', ballots));
      expect(parsed.ok, id).toBe(true);
      if (!parsed.ok) continue;
      const result = Tally.ofRecord(parsed.value).result();
      expect(result.candidates[0], id).toMatchObject({ id, votes: 7, elected: true });
      expect(result.ballots, id).toMatchObject({ valid: 8, invalid: 2 });
    }
  });

  it('every name at once, in both layouts, recounts exactly like a naive count', () => {
    const ids = BUILT_IN_NAMES;
    const random = lcg(7);
    for (const layout of ['strike', 'approve'] as const) {
      const ballots = Array.from({ length: 60 }, (_, i) =>
        layout === 'strike'
          ? { n: i + 1, struck: ids.filter(() => random() < 0.5) }
          : { n: i + 1, marks: marks(ids.map((id) => [id, MARKS[Math.floor(random() * 4)]!])) },
      );
      const raw = recordWith(ids, layout, ballots);
      const parsed = parseRecord(raw);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      const result = Tally.ofRecord(parsed.value).result();
      // The naive count reads the file's own JSON again, with a Map: no object is keyed by an id.
      const seats = layout === 'approve' ? ids.length : ids.length - 1;
      const votes = new Map(ids.map((id) => [id, 0]));
      let valid = 0;
      for (const b of (raw as { ballots: { entered: Record<string, unknown>[] } }).ballots
        .entered) {
        if (layout === 'strike') {
          const struck = new Set(b.struck as string[]);
          const kept = ids.filter((id) => !struck.has(id));
          if (kept.length === 0 || kept.length > seats) continue;
          valid++;
          for (const id of kept) votes.set(id, (votes.get(id) ?? 0) + 1);
        } else {
          const entries = new Map(Object.entries(b.marks as Record<string, string>));
          const agreed = ids.filter((id) => entries.get(id) === 'agree');
          const decided = ids.filter((id) => ['agree', 'disagree'].includes(entries.get(id)!));
          if (decided.length === 0 || agreed.length > seats) continue;
          valid++;
          for (const id of agreed) votes.set(id, (votes.get(id) ?? 0) + 1);
        }
      }
      expect(result.ballots.valid).toBe(valid);
      expect(result.candidates.map((c) => [c.id, c.votes])).toEqual([...votes]);
    }
  });

  it('a ballot missing such a candidate’s mark is refused, naming it', () => {
    for (const id of BUILT_IN_NAMES) {
      const raw = recordWith([id, 'x'], 'approve', [{ n: 1, marks: marks([['x', 'agree']]) }]);
      expect(refusalsOf(raw), id).toEqual([
        expect.objectContaining({ code: 'missing-mark', id, ballot: 1 }),
      ]);
    }
  });

  it('an extra mark for such a name, not on the list, is refused', () => {
    for (const id of BUILT_IN_NAMES) {
      const raw = recordWith(['x'], 'approve', [
        {
          n: 1,
          marks: marks([
            ['x', 'agree'],
            [id, 'agree'],
          ]),
        },
      ]);
      expect(refusalsOf(raw), id).toEqual([
        expect.objectContaining({ code: 'unknown-candidate', id, ballot: 1 }),
      ]);
    }
  });

  it('the CLI counts __proto__’s 7 votes, as the attack found it counting 0', async () => {
    const ballots = Array.from({ length: 7 }, (_, i) => ({
      n: i + 1,
      marks: marks([['__proto__', 'agree']]),
    }));
    const run = await runCli([
      'tally',
      file(JSON.stringify(recordWith(['__proto__'], 'approve', ballots))),
      '--json',
    ]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { candidates: { id: string; votes: number }[] };
    expect(result.candidates).toEqual([expect.objectContaining({ id: '__proto__', votes: 7 })]);
  });
});

describe('invalid UTF-8 and unsafe characters (issue 10, item 8)', () => {
  const clean = JSON.stringify(recordWith(['c1', 'c2'], 'strike', [{ n: 1, struck: ['c1'] }]));

  it('an invalid byte is refused naming its offset, never read as U+FFFD', async () => {
    const bytes = Buffer.from(clean, 'utf8');
    const at = bytes.indexOf(Buffer.from('Người', 'utf8')) + 2;
    const cases: [number[], number][] = [
      [[0xff], at], // never a UTF-8 byte
      [[0xc3, 0x28], at + 1], // a lead byte followed by no continuation
      [[0xc0, 0xaf], at], // an overlong "/"
      [[0xed, 0xa0, 0x80], at + 1], // a UTF-16 surrogate
      [[0xf4, 0x90, 0x80, 0x80], at + 1], // past U+10FFFF
    ];
    for (const [bad, offset] of cases) {
      const broken = Buffer.concat([bytes.subarray(0, at), Buffer.from(bad), bytes.subarray(at)]);
      const read = await readRecord(file(broken));
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.error).toEqual([{ code: 'bad-utf8', offset, path: '' }]);
    }
    const truncated = Buffer.concat([bytes, Buffer.from([0xe1, 0xbb])]);
    const read = await readRecord(file(truncated));
    expect(!read.ok && read.error[0]).toMatchObject({ code: 'bad-utf8', offset: bytes.length });
    const run = await runCli([
      'tally',
      file(Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)])),
      '--lang',
      'en',
    ]);
    expect(run.code).toBe(EXIT.refused);
    expect(run.stderr).toContain(`bad byte at offset ${at}`);
  });

  it('a byte-order mark is still accepted', async () => {
    const read = await readRecord(file(`\uFEFF${clean}`));
    expect(read.ok).toBe(true);
  });

  const UNSAFE = [
    ['\u001B[2J', 'U+001B'], // clears the screen
    ['\u001B]0;owned\u0007', 'U+001B'], // sets the terminal's title
    ['\u009B2J', 'U+009B'], // C1 CSI: an escape in one character
    ['\u0000', 'U+0000'],
    ['\u0008\u0008\u0008', 'U+0008'], // backspaces over what was printed
    ['x\rx', 'U+000D'], // returns to the start of the line (at either end it is trimmed away)
    ['\u007F', 'U+007F'],
    ['\u202E', 'U+202E'], // right-to-left override
    ['\u2066', 'U+2066'], // isolate
    ['\u200F', 'U+200F'], // right-to-left mark
    ['\uD800', 'U+D800'], // a lone surrogate
  ] as const;

  it('control, escape and bidi characters in any text of a record are refused, naming field and character', () => {
    const fields: [string, (raw: Raw, v: string) => void][] = [
      ['candidates[0].name', (r, v) => (r.candidates[0].name = `Lê${v} An`)],
      ['candidates[1].id', (r, v) => (r.candidates[1].id = `c${v}2`)],
      ['congress.name', (r, v) => (r.congress.name += v)],
      ['election.title', (r, v) => (r.election.title = `${v}Bầu`)],
      ['election.id', (r, v) => (r.election.id += v)],
      [
        'ballots.entered[0].note',
        (r, v) => (r.ballots.entered[0] = { n: 1, invalid: 'other', note: `rách${v}` }),
      ],
      ['ballots.entered[0].struck[0]', (r, v) => (r.ballots.entered[0].struck = [`c1${v}`])],
    ];
    for (const [path, put] of fields) {
      for (const [value, character] of UNSAFE) {
        const raw = JSON.parse(clean) as Raw;
        put(raw, value);
        expect(refusalsOf(raw), `${path} ${character}`).toContainEqual(
          expect.objectContaining({ code: 'unsafe-character', character, path }),
        );
      }
    }
    // A note may run over lines; a name may not.
    const note = JSON.parse(clean) as Raw;
    note.ballots.entered[0] = { n: 1, invalid: 'other', note: 'dòng một\ndòng hai' };
    expect(parseRecord(note).ok).toBe(true);
  });

  it('no refusal carries an unsafe character back to the terminal, whatever field echoed it', async () => {
    const raw = JSON.parse(clean) as Raw;
    raw.congress.kind = '\u001B[2Jdelegates';
    raw.format = 'kiem-phieu/\u001B[2J';
    const wrong = refusalsOf(raw);
    const raw2 = JSON.parse(clean) as Raw;
    raw2.congress.kind = '\u001B[2J';
    raw2['\u001B[31mextra'] = 1;
    raw2.ballots.entered[0] = { n: 1, struck: [], '\u009B2J': 1 };
    const more = refusalsOf(raw2);
    for (const r of [...wrong, ...more]) {
      for (const lang of ['vi', 'en'] as const) {
        expect(refusalText(r, lang)).not.toMatch(/[\u0000-\u001F\u007F-\u009F]/u);
      }
    }
    const run = await runCli(['tally', file(JSON.stringify(raw2))]);
    expect(run.code).toBe(EXIT.refused);
    expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/u);
    expect(run.stderr).toContain('\\u{1B}');
  });

  it('values that are objects are never turned to text ({"toString":1}, a deep array)', () => {
    const raw = JSON.parse(clean) as Raw;
    raw.congress.kind = { toString: 1 };
    raw.election.layout = { valueOf: 1, toString: 1 };
    raw.rules = [[[['party']]]];
    const got = refusalsOf(raw);
    expect(got.map((r) => r.path)).toEqual(['congress.kind', 'rules', 'election.layout']);
    for (const r of got) expect(() => refusalText(r, 'vi')).not.toThrow();
  });
});

describe('bounded reading (issue 10, item 11)', () => {
  const base = recordWith(['c1', 'c2', 'c3'], 'strike', [{ n: 1, struck: ['c1'] }]);
  const text = JSON.stringify(base);

  it('nesting 5 000 and 100 000 deep, anywhere, is refused with a message before it is parsed', async () => {
    for (const depth of [5_000, 100_000]) {
      const deep = '['.repeat(depth) + ']'.repeat(depth);
      const objects = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
      for (const spliced of [
        text.replace('"kind":"delegates"', `"kind":${deep}`),
        text.replace('"format":"kiem-phieu/election-record@1"', `"format":${deep}`),
        text.replace('"struck":["c1"]', `"invalid":${deep}`),
        text.replace('"struck":["c1"]', `"struck":["c1"],"x":${objects}`),
        deep,
      ]) {
        const read = await readRecord(file(spliced));
        expect(read.ok).toBe(false);
        if (!read.ok) expect(read.error).toEqual([{ code: 'too-deep', limit: 64, path: '' }]);
      }
    }
    const run = await runCli([
      'tally',
      file(
        text.replace('"kind":"delegates"', `"kind":${'['.repeat(100_000)}${']'.repeat(100_000)}`),
      ),
    ]);
    expect(run.code).toBe(EXIT.refused);
    expect(run.stderr).toContain('lồng nhau quá 64 tầng');
    expect(run.stderr).not.toMatch(/\n\s+at /u);
  });

  it('brackets inside strings do not count as nesting', async () => {
    const raw = JSON.parse(text) as Raw;
    raw.election.title = `Bầu ${'[{'.repeat(200)} \\" ${'}]'.repeat(200)}`;
    const read = await readRecord(file(JSON.stringify(raw)));
    expect(read.ok).toBe(true);
  });

  it('a ballot striking one id a million times is refused at once, with one message', async () => {
    const raw = JSON.parse(text) as Raw;
    raw.ballots.entered[0].struck = Array.from({ length: 1_000_000 }, () => 'c1');
    const started = Date.now();
    const read = await readRecord(file(JSON.stringify(raw)));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.error).toEqual([
        { code: 'too-big', max: 10_000, path: 'ballots.entered[0].struck', ballot: 1 },
      ]);
    // Below the bound, the repeats are named, a bounded number of times.
    raw.ballots.entered[0].struck = Array.from({ length: 10_000 }, () => 'c1');
    const repeated = refusalsOf(raw);
    expect(repeated.length).toBeLessThanOrEqual(20);
    expect(repeated[0]).toMatchObject({ code: 'duplicate-struck', ballot: 1 });
    const run = await runCli([
      'tally',
      file(
        JSON.stringify({
          ...raw,
          ballots: { issued: 1, entered: [{ n: 1, struck: Array(1_000_000).fill('c1') }] },
        }),
      ),
      '--lang',
      'en',
    ]);
    expect(run.code).toBe(EXIT.refused);
    expect(run.stderr).toContain('must be at most 10000');
    expect(run.stderr).not.toMatch(/\n\s+at /u);
  });

  it('a file over the size bound is refused without being read', async () => {
    const big = file(`{"format":"${' '.repeat(1024)}"}`);
    const { readJsonFile } = await import('../../cli/read-record.ts');
    const read = await readJsonFile(big, 512);
    expect(!read.ok && read.error[0]).toMatchObject({ code: 'too-large', limit: 512 });
  });

  it('a crash exits 70 with its own message, never 1 like a refusal', async () => {
    const err: string[] = [];
    const code = await main(['tally', file(text), '--json'], {
      out: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
      err: (t) => err.push(t),
    });
    expect(code).toBe(EXIT.crash);
    expect(code).not.toBe(EXIT.refused);
    expect(err.join('')).toContain('Lỗi nội bộ');
    expect(err.join('')).toContain('RangeError');
    expect(err.join('')).not.toMatch(/\n\s+at /u);
  });
});
