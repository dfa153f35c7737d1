/** `kiem-phieu tally` reproduces every golden deck and refuses every malformed record. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.ts';

const DECKS = join(ROOT, 'tests/decks');
const decks = readdirSync(DECKS).filter(
  (d) => existsSync(join(DECKS, d, 'expected.json')) && d !== 'malformed',
);

describe('golden decks (tests/decks/<case>/record.json → expected.json)', () => {
  it('there are decks to check', () => {
    expect(decks.length).toBeGreaterThanOrEqual(10);
  });

  for (const deck of decks) {
    it(`${deck}: the CLI prints the expected result byte for byte`, async () => {
      const expectedText = readFileSync(join(DECKS, deck, 'expected.json'), 'utf8');
      const run = await runCli(['tally', join(DECKS, deck, 'record.json'), '--json']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual(JSON.parse(expectedText));
      expect(run.stdout).toBe(`${JSON.stringify(JSON.parse(expectedText), null, 2)}\n`);
    });
  }
});

const MALFORMED = join(DECKS, 'malformed');
const malformed = existsSync(join(MALFORMED, 'expected.json'))
  ? (JSON.parse(readFileSync(join(MALFORMED, 'expected.json'), 'utf8')) as Record<
      string,
      { ballot: number | null; field: string }
    >)
  : {};

describe('malformed records exit 1, name the ballot or field, print no result', () => {
  it('there are malformed records to check', () => {
    expect(Object.keys(malformed).length).toBeGreaterThanOrEqual(8);
  });

  for (const [file, want] of Object.entries(malformed)) {
    for (const lang of ['vi', 'en'] as const) {
      it(`${file} (${lang})`, async () => {
        const run = await runCli(['tally', join(MALFORMED, file), '--json', '--lang', lang]);
        expect(run.code).toBe(1);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain(want.field);
        if (want.ballot !== null) {
          expect(run.stderr).toContain(
            lang === 'vi' ? `Phiếu số ${want.ballot} ` : `Ballot n=${want.ballot} `,
          );
        }
        expect(run.stderr).toContain(lang === 'vi' ? 'Hồ sơ bị từ chối' : 'Record refused');
      });
    }
  }
});

describe('the CLI itself', () => {
  it('prints a readable Vietnamese table with the elected in vote order', async () => {
    const run = await runCli(['tally', join(DECKS, 'strike-basic-complete', 'record.json')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Họ và tên');
    expect(run.stdout).toContain('Người trúng cử, theo thứ tự số phiếu:');
    expect(run.stdout).toMatch(/Trúng cử \(1\)/u);
  });

  it('explains a tie and the re-vote the congress may hold', async () => {
    const tieDeck = decks.find((d) => d.startsWith('tie-'));
    expect(tieDeck).toBeDefined();
    const vi = await runCli(['tally', join(DECKS, tieDeck!, 'record.json')]);
    expect(vi.stdout).toContain('Bằng phiếu ở chỗ cuối');
    expect(vi.stdout).toContain('bầu lại');
    const en = await runCli(['tally', join(DECKS, tieDeck!, 'record.json'), '--lang', 'en']);
    expect(en.stdout).toContain('re-vote among exactly these candidates');
  });

  it('explains open seats and the further round', async () => {
    const run = await runCli(['tally', join(DECKS, 'unfilled-seats', 'record.json')]);
    expect(run.stdout).toContain('bầu tiếp (vòng 2)');
  });

  it('a file that is not JSON is refused with exit 1', async () => {
    const run = await runCli(['tally', join(ROOT, 'package-lock.json.missing')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ENOENT');
  });

  it('usage errors exit 2; a missing record is a refusal (1) naming the file', async () => {
    expect((await runCli([])).code).toBe(2);
    expect((await runCli(['tally'])).code).toBe(2);
    expect((await runCli(['tally', 'a.json', '--bogus'])).code).toBe(2);
    const missing = await runCli(['scan', 'a.json', 'x.png']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('a.json');
  });
});
