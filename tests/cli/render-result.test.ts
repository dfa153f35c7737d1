/**
 * The CLI's result table (cli/render-result.ts): the round named once, and those over half but
 * outside the seats told apart from the elected, in Vietnamese and English.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electionName } from '../../core/labels.ts';
import { tempDir } from '../db/helpers.ts';
import { overHalfRecord, revoteRecord } from '../documents/records.ts';
import { runCli } from './run-cli.ts';

function file(record: unknown): string {
  const path = join(tempDir(), 'ho-so.json');
  writeFileSync(path, JSON.stringify(record));
  return path;
}

describe('kiem-phieu tally: the result table', () => {
  it('names a re-vote with its round once', async () => {
    const run = await runCli(['tally', file(revoteRecord())]);
    expect(run.code).toBe(0);
    const first = run.stdout.split('\n')[0] ?? '';
    expect(first).toBe(revoteRecord().election.title);
    expect(run.stdout).not.toMatch(/\(vòng 2\)\s*\(vòng 2\)/u);
    expect(first.match(/vòng 2/gu)).toHaveLength(1);
  });

  it('adds the round when the title does not say it, once, in either language', () => {
    const election = { title: 'Bầu Ban Chấp hành khóa I', round: 2 };
    expect(electionName(election, 'vi')).toBe('Bầu Ban Chấp hành khóa I (vòng 2)');
    expect(electionName(election, 'en')).toBe('Bầu Ban Chấp hành khóa I (round 2)');
    expect(electionName({ ...election, title: 'X — bầu lại (vòng 2)' }, 'vi')).toBe(
      'X — bầu lại (vòng 2)',
    );
    expect(electionName({ ...election, round: 1 }, 'vi')).toBe('Bầu Ban Chấp hành khóa I');
    // "vòng 12" is not "vòng 1".
    expect(electionName({ title: 'Bầu X (vòng 12)', round: 1 }, 'vi')).toBe('Bầu X (vòng 12)');
    expect(electionName({ title: 'Bầu X (vòng 12)', round: 2 }, 'vi')).toBe(
      'Bầu X (vòng 12) (vòng 2)',
    );
  });

  it('says "over half, not elected (beyond the seats)" apart from the elected', async () => {
    const path = file(overHalfRecord());
    const vi = await runCli(['tally', path]);
    const row = vi.stdout.split('\n').find((l) => l.includes('Lê Văn Cường') && l.includes('%'));
    expect(row).toContain('Quá một nửa, không trúng cử (ngoài số lượng)');
    expect(row).not.toContain('Trúng cử');
    const en = await runCli(['tally', path, '--lang', 'en']);
    const enRow = en.stdout.split('\n').find((l) => l.includes('Lê Văn Cường') && l.includes('%'));
    expect(enRow).toContain('Over half, not elected (beyond the seats)');
  });
});
