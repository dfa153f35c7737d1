/**
 * `kiem-phieu export` carries every reading; `kiem-phieu readings` recounts them (issue 12, "what
 * counts"). A real congress file counted by double entry with differences the committee ruled is
 * exported by the real executable; the check passes, and `tally` recounts the same result with or
 * without the readings. Then the JSON is tampered with, one thing at a time: each is caught, with
 * exit 1, naming the stack, the position and the field. Hostile readings are refused with the
 * field's path before anything is counted.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { Service } from '../../db/service.ts';
import { runCli } from './run-cli.ts';
import { doubleEntry, PAPER_1 } from './readings-fixture.ts';

let dir: string;
let withReadings: string;
let without: string;
/** The exported record with readings, as JSON, for tampering. */
let exported: Record<string, unknown> & { readings: Readings };

interface Readings {
  required: number;
  stacks: {
    label: string;
    status: string;
    readings: { operator: string; state: string; ballots: Record<string, unknown>[] }[];
    rulings: Record<string, unknown>[];
    entered: number[];
  }[];
  changes: { n: number; change: string }[];
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiem-phieu-readings-'));
  const file = join(dir, 'dai-hoi.kiemphieu');
  const s = Service.open(file, { create: true, backups: false });
  const { code } = doubleEntry(s);
  await s.close();
  withReadings = join(dir, 'ho-so.json');
  without = join(dir, 'ho-so-khong-lan-doc.json');
  const a = await runCli(['export', file, '--election', code, '--out', withReadings]);
  expect(a.stderr).toBe('');
  expect(a.code).toBe(0);
  const b = await runCli(['export', file, '--election', code, '--out', without, '--no-readings']);
  expect(b.code).toBe(0);
  exported = JSON.parse(readFileSync(withReadings, 'utf8')) as typeof exported;
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The exported record changed by `change`, written to its own file. */
function tampered(name: string, change: (r: typeof exported) => void): string {
  const copy = structuredClone(exported);
  change(copy);
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(copy, null, 2));
  return path;
}

/** `main` in this process (the executable is run above): its exit code and what it printed. */
async function cli(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** What `readings` says of a record it fails (exit 1). */
async function refused(path: string, ...args: readonly string[]): Promise<string> {
  const run = await cli(['readings', path, ...args]);
  expect(run.code).toBe(1);
  return run.err;
}

describe('export with readings, and the readings check', () => {
  it('export carries every reading by default, and none with --no-readings', () => {
    const r = exported.readings;
    expect(r.required).toBe(2);
    expect(r.stacks.map((s) => [s.label, s.status, s.entered])).toEqual([
      ['Tập 1', 'resolved', [1, 2, 3, 4, 5]],
      ['Tập 2', 'agreed', [6, 7, 8]],
    ]);
    expect(r.stacks[1]?.readings.map((x) => x.state)).toEqual([
      'abandoned',
      'finished',
      'finished',
    ]);
    expect(r.changes).toEqual([{ n: 7, change: 'rule' }]);
    expect(JSON.parse(readFileSync(without, 'utf8'))).not.toHaveProperty('readings');
  });

  it('the real executable: the readings give exactly the record ballots (exit 0), each reading tallied', async () => {
    const run = await runCli(['readings', withReadings]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '2 chỗ khác nhau (phiếu thứ 2, 4), Ban kiểm phiếu đã quyết định 2 chỗ',
    );
    expect(run.stdout).toContain('lần đọc bỏ dở: Nhập bàn phím, Vũ Thị Hoa, Máy 1, 1 phiếu');
    expect(run.stdout).toMatch(/Ứng cử viên\s+Hồ sơ\s+Lần 1\s+Lần 2/u);
    expect(run.stdout).toContain('KẾT QUẢ: các lần đọc và quyết định của Ban kiểm phiếu cho đúng');
    const en = await runCli(['readings', withReadings, '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('2 difference(s) (ballot 2, 4), 2 ruled by the committee');
    expect(en.stdout).toContain("RESULT: the readings and the committee's rulings give exactly");
  });

  it('--json: each stack and what each reading alone would have given', async () => {
    const run = await cli(['readings', withReadings, '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as {
      format: string;
      ok: boolean;
      stacks: { label: string; differences: number[]; ruled: number[]; recounted: number }[];
      results: {
        record: { ballots: { collected: number } };
        readings: { ballots: { valid: number; invalid: number } }[];
      };
    };
    expect(json.format).toBe('kiem-phieu/readings-check@1');
    expect(json.ok).toBe(true);
    expect(json.stacks.map((s) => [s.label, s.differences, s.ruled, s.recounted])).toEqual([
      ['Tập 1', [2, 4], [2, 4], 5],
      ['Tập 2', [], [], 3],
    ]);
    expect(json.results.readings).toHaveLength(2);
    // Reading 2 alone took ballot 4 for a marked (invalid) ballot; reading 1 read it as the paper says.
    expect(
      json.results.readings[1]!.ballots.invalid - json.results.readings[0]!.ballots.invalid,
    ).toBe(1);
  });

  it('tally and fingerprint give the same with or without the readings', async () => {
    const a = await runCli(['tally', withReadings, '--json']);
    const b = await runCli(['tally', without, '--json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).ballots.collected).toBe(8);
    const fa = await cli(['fingerprint', withReadings]);
    const fb = await cli(['fingerprint', without]);
    expect(fa.code).toBe(0);
    expect(fa.out).toBe(fb.out);
  });

  it('import takes the agreed ballots and leaves the readings out', async () => {
    const into = join(dir, 'nhap.kiemphieu');
    const run = await cli(['import', withReadings, '--into', into]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const back = join(dir, 'nhap.json');
    expect((await cli(['export', into, '--election', 'bch', '--out', back])).code).toBe(0);
    const json = JSON.parse(readFileSync(back, 'utf8')) as { ballots: unknown };
    expect(json).not.toHaveProperty('readings');
    expect(json.ballots).toEqual(exported.ballots);
  });

  it('a record without readings: the check says so (exit 1), tally as before', async () => {
    expect(await refused(without)).toContain('không mang các lần đọc');
    expect((await cli(['tally', without])).code).toBe(0);
  });
});

describe('a tampered record fails the check, naming the stack, the position and the field', () => {
  it('an agreed ballot of the record changed: the stack, its position, the ballot and "struck"', async () => {
    const path = tampered('ballot', (r) => {
      (r.ballots as { entered: { n: number; struck?: string[] }[] }).entered[2]!.struck = ['c3'];
    });
    expect(await refused(path)).toContain(
      'tập 1, phiếu thứ 3 của tập (phiếu số 3 của hồ sơ), trường struck (tên bị gạch): các lần đọc cho “gạch 3, 4”, hồ sơ ghi “gạch 3”',
    );
    const en = await cli(['readings', path, '--lang', 'en']);
    expect(en.err).toContain('stack 1, ballot 3 of the stack (record ballot n=3), field struck');
  });

  it("one reading's ballot changed where the readings agreed: a difference nobody ruled", async () => {
    const path = tampered('reading', (r) => {
      r.readings.stacks[0]!.readings[1]!.ballots[0] = { struck: ['c1', 'c3'] };
    });
    expect(await refused(path)).toContain('tập 1: còn 1 chỗ khác nhau chưa xử lý: phiếu thứ 1');
  });

  it('the same in a stack whose readings agreed', async () => {
    const path = tampered('agreed', (r) => {
      r.readings.stacks[1]!.readings[2]!.ballots[2] = { struck: ['c1', 'c4'] };
    });
    expect(await refused(path, '--lang', 'en')).toMatch(/stack 2: .*ballot 3/u);
  });

  it('a ruling that chose the other reading: the ballot it gives is not the record one', async () => {
    const path = tampered('ruling', (r) => {
      r.readings.stacks[0]!.rulings[0] = { ...r.readings.stacks[0]!.rulings[0], reading: 2 };
    });
    expect(await refused(path)).toContain(
      'tập 1, phiếu thứ 2 của tập (phiếu số 2 của hồ sơ), trường struck',
    );
  });

  it('a ruling moved to a position where the readings agree', async () => {
    const path = tampered('position', (r) => {
      r.readings.stacks[0]!.rulings[1] = { ...r.readings.stacks[0]!.rulings[1], position: 3 };
    });
    expect(await refused(path)).toContain('tập 1: ở phiếu thứ 3 các lần đọc không khác nhau');
  });

  it('two readings by one operator: the guard the app applies refuses it here too', async () => {
    const path = tampered('operator', (r) => {
      const stack = r.readings.stacks[1]!;
      stack.readings[2]!.operator = stack.readings[1]!.operator;
    });
    expect(await refused(path)).toContain('tập 2: Đỗ Văn Sơn đã đọc tập phiếu này (lần 1)');
  });

  it('a stack listed as giving a ballot the record does not hold', async () => {
    const path = tampered('missing', (r) => {
      const entered = (r.ballots as { entered: unknown[] }).entered;
      entered.splice(5, 1);
    });
    expect(await refused(path)).toContain('tập 2, phiếu thứ 1 của tập: hồ sơ không có phiếu số 6');
  });
});

describe('hostile readings are refused with the field path (exit 1), nothing counted', () => {
  const cases: [string, (r: typeof exported) => void, string][] = [
    [
      'wrong type',
      (r) => {
        (r.readings.stacks[0]!.readings[0] as Record<string, unknown>).ballots = 'nhiều';
      },
      'readings.stacks[0].readings[0].ballots',
    ],
    [
      'a huge reading',
      (r) => {
        r.readings.stacks[0]!.readings[0]!.ballots = Array.from({ length: 2_001 }, () => ({
          struck: ['c1', 'c2'],
        }));
      },
      'readings.stacks[0].readings[0].ballots',
    ],
    [
      'a million stacks',
      (r) => {
        (r.readings as { stacks: unknown[] }).stacks = Array.from({ length: 1_000_000 }, () => 0);
      },
      'readings.stacks',
    ],
    [
      'a ruling past the end of the stack',
      (r) => {
        r.readings.stacks[0]!.rulings[0]!.position = 99;
      },
      'readings.stacks[0].rulings[0].position',
    ],
    [
      'a ruling of position 0',
      (r) => {
        r.readings.stacks[0]!.rulings[0]!.position = 0;
      },
      'readings.stacks[0].rulings[0].position',
    ],
    [
      'a ruling choosing reading 3 of two',
      (r) => {
        r.readings.stacks[0]!.rulings[0]!.reading = 3;
      },
      'readings.stacks[0].rulings[0].reading',
    ],
    [
      'a name not on the list',
      (r) => {
        r.readings.stacks[0]!.readings[1]!.ballots[1] = { struck: ['c2', 'c9'] };
      },
      'readings.stacks[0].readings[1].ballots[1].struck[1]',
    ],
    [
      'a time stamp on a ballot',
      (r) => {
        r.readings.stacks[0]!.readings[0]!.ballots[0] = {
          ...PAPER_1[0],
          at: '2025-10-14T08:01:00Z',
        };
      },
      'readings.stacks[0].readings[0].ballots[0]',
    ],
    [
      'four readings that count',
      (r) => {
        const stack = r.readings.stacks[1]!;
        stack.readings = [...stack.readings, ...stack.readings].map((x) => ({
          ...x,
          state: 'finished',
        }));
      },
      'readings.stacks[1].readings',
    ],
    [
      'required as text',
      (r) => {
        (r.readings as { required: unknown }).required = '2';
      },
      'readings.required',
    ],
  ];
  for (const [name, change, path] of cases) {
    it(name, async () => {
      const file = tampered(name.replace(/\W+/gu, '-'), change);
      for (const command of ['readings', 'tally']) {
        const run = await cli([command, file, '--lang', 'en']);
        expect(run.code, command).toBe(1);
        expect(run.out, command).toBe('');
        expect(run.err, command).toContain('Record refused');
        expect(run.err, command).toContain(`${path}:`);
      }
    });
  }

  it('in Vietnamese too', async () => {
    const file = tampered('vi', (r) => {
      r.readings.stacks[0]!.rulings[0]!.position = 99;
    });
    const said = await refused(file);
    expect(said).toContain('Hồ sơ bị từ chối');
    expect(said).toContain('readings.stacks[0].rulings[0].position: không được quá 10');
  });
});
