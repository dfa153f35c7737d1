/**
 * How long a counting committee takes to read an election twice, at a stated human pace: the
 * people of a count work at once, each on a queue of stacks (tập phiếu), and a stack waits for
 * the person it needs. The double-entry bench measures what each person did (keys per ballot,
 * differences per stack) in Chromium; this turns it into minutes from the first sheet fed (or the
 * first key typed) to the signed minutes.
 *
 *   feeder + scanner ── stack 1 ── stack 2 ── stack 3 ……
 *   second reader         └─ stack 1 ──┘└─ stack 2 ──┘└─ stack 3 ……   (confirms what is read)
 *   committee                  └ rules 1 ┘     └ rules 2 ┘   … └ rules n ┘ ─ confirmation, minutes
 *
 * The committee member looks for a differing ballot in the paper as soon as both readings have it
 * (the screen lists the differences seen so far) and the paper is free: a scanned stack is free
 * once fed, since the confirmer reads images; a typed stack only once both typists are done with
 * it. The choice itself is clicked once the stack is compared.
 */

/** The human pace the figures assume (the issue: a person reading paper is 2–3× a script's pace). */
export const PACE = {
  /** A typist: per key, and per ballot for taking it from the stack and reading it. */
  keySeconds: 0.3,
  paperSeconds: 1.5,
  /** A confirmer: looking at a sheet's image against the reading drawn on it. */
  lookSeconds: 1.2,
  /** The scanner: 60 sheets a minute; a sheet is on screen this long after it is fed. */
  feedSeconds: 1,
  readSeconds: 2,
  /** Opening a stack: counting it, typing the declared count, starting the reading. */
  openSeconds: 10,
  /** A click: finishing a reading, counting a settled stack. */
  clickSeconds: 1,
  /** A committee member: find the ballot at its place in the paper stack, read it, choose (a click). */
  differenceSeconds: 30,
  /** The head of the committee confirms with the PIN; the minutes are printed. */
  closingSeconds: 60,
} as const;

export type Pace = { readonly [K in keyof typeof PACE]: number };

export type TimelineMode = 'two keyboard passes' | 'scan + type' | 'scan + confirm';

/** One stack as the bench read it. */
export interface StackWork {
  /** Keys of each ballot in the first reading (two keyboard passes; empty for the scanner). */
  readonly firstKeys: readonly number[];
  /** Keys of each ballot in the second reading: typed, or pressed while confirming a sheet. */
  readonly secondKeys: readonly number[];
  /** Where the readings differ: places in the stack, from 0. */
  readonly differences: readonly number[];
}

export interface Timeline {
  /** Seconds from the first sheet fed (or key typed) to the signed minutes. */
  readonly total: number;
  /** When each stack counted: its readings agreed, or the committee settled it. */
  readonly settled: readonly number[];
}

/** The feeder's scanner passes: when each stack's sheets appear, and when its pass is finished. */
function scanning(stacks: readonly StackWork[], pace: Pace) {
  let free = -pace.openSeconds; // the clock starts as the first sheet is fed
  return stacks.map((s) => {
    const fed = free + pace.openSeconds;
    const ready = s.secondKeys.map((_, i) => fed + (i + 1) * pace.feedSeconds + pace.readSeconds);
    free = (ready.at(-1) ?? fed) + pace.clickSeconds;
    return { ready, done: free };
  });
}

/** Each stack: when both readings have each ballot, when the paper is free, when it is compared. */
interface Read {
  readonly at: readonly number[];
  readonly paper: number;
  readonly done: number;
}

function reading(mode: TimelineMode, stacks: readonly StackWork[], pace: Pace): Read[] {
  if (mode === 'two keyboard passes') {
    // Two typists at once, each through every stack; they pass the paper stacks between them.
    let a = 0;
    let b = 0;
    return stacks.map((s, k) => {
      a += k === 0 ? 0 : pace.openSeconds;
      b += pace.clickSeconds;
      const at = s.firstKeys.map((keys, i) => {
        a += keys * pace.keySeconds + pace.paperSeconds;
        b += s.secondKeys[i]! * pace.keySeconds + pace.paperSeconds;
        return Math.max(a, b);
      });
      a += pace.clickSeconds;
      b += pace.clickSeconds;
      return { at, paper: Math.max(a, b), done: Math.max(a, b) };
    });
  }
  const scans = scanning(stacks, pace);
  let free = 0;
  return stacks.map((s, k) => {
    const scan = scans[k]!;
    if (mode === 'scan + type') {
      // The paper reaches the typist once the scanner has fed it.
      free = Math.max(free, scan.done) + pace.clickSeconds;
      const at = s.secondKeys.map((keys) => (free += keys * pace.keySeconds + pace.paperSeconds));
      free += pace.clickSeconds;
      return { at, paper: free, done: free };
    }
    // The confirmer follows the scanner sheet by sheet; Enter goes on to the next stack, and the
    // reading ends by itself once the scanner pass is finished.
    if (k > 0) free += pace.keySeconds;
    const at = s.secondKeys.map(
      (keys, i) =>
        (free = Math.max(free, scan.ready[i]!) + pace.lookSeconds + keys * pace.keySeconds),
    );
    free = Math.max(free, scan.done);
    return { at, paper: scan.done, done: free };
  });
}

/** The count from first sheet to signed minutes, with the committee ruling stacks as they differ. */
export function timeline(
  mode: TimelineMode,
  stacks: readonly StackWork[],
  pace: Pace = PACE,
): Timeline {
  const read = reading(mode, stacks, pace);
  const looking = pace.differenceSeconds - pace.clickSeconds;
  let committee = 0;
  const settled = stacks.map((s, k) => {
    const { at, paper, done } = read[k]!;
    if (s.differences.length === 0) return done;
    for (const p of [...s.differences].sort((x, y) => x - y))
      committee = Math.max(committee, at[p]!, paper) + looking;
    committee =
      Math.max(committee, done) + s.differences.length * pace.clickSeconds + pace.clickSeconds;
    return committee;
  });
  return { total: Math.max(0, ...settled) + pace.closingSeconds, settled };
}

/** Splits `n` ballots into stacks of `size` in order (the last one shorter). */
export function stackSizes(n: number, size: number): number[] {
  const out: number[] = [];
  for (let left = n; left > 0; left -= size) out.push(Math.min(size, left));
  return out;
}
