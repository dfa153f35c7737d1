/** Round trips: record → import → export is the same record; export → tally = the service's result. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../core/record.ts';
import { Tally } from '../../core/tally.ts';
import { CLI_ACTOR } from '../../db/service.ts';
import { ROOT, runCli } from '../cli/run-cli.ts';
import { newService, refusals, snapshot, tempDir, value } from './helpers.ts';

const DECKS = join(ROOT, 'tests/decks');
const decks = readdirSync(DECKS).filter((d) => existsSync(join(DECKS, d, 'record.json')));
const load = (deck: string): unknown =>
  JSON.parse(readFileSync(join(DECKS, deck, 'record.json'), 'utf8'));

describe('import → export gives the same record, for every golden deck', () => {
  for (const deck of decks) {
    it(deck, () => {
      const s = newService();
      const raw = load(deck);
      const { electionId } = value(s.execute('importElection', { record: raw }, CLI_ACTOR));
      const exported = value(s.query('exportRecord', { electionId }));
      const parsed = parseRecord(raw);
      if (!parsed.ok) throw new Error('deck does not parse');
      expect(JSON.parse(JSON.stringify(exported))).toEqual(
        JSON.parse(JSON.stringify(parsed.value)),
      );
      // export → tally equals the service's own (incremental) result.
      expect(Tally.ofRecord(exported).result()).toEqual(value(s.query('results', { electionId })));
      expect(value(s.query('results', { electionId }))).toEqual(
        JSON.parse(readFileSync(join(DECKS, deck, 'expected.json'), 'utf8')),
      );
    });
  }

  it('a record refused by the engine changes nothing in the file', () => {
    const s = newService();
    const before = snapshot(s);
    const malformed = JSON.parse(
      readFileSync(join(DECKS, 'malformed', 'unknown-candidate-id.json'), 'utf8'),
    );
    expect(refusals(s.execute('importElection', { record: malformed }, CLI_ACTOR))[0]?.code).toBe(
      'unknown-candidate',
    );
    expect(snapshot(s)).toBe(before);
  });

  it('the same election cannot be imported twice', () => {
    const s = newService();
    value(s.execute('importElection', { record: load('tie-one-seat') }, CLI_ACTOR));
    expect(
      refusals(s.execute('importElection', { record: load('tie-one-seat') }, CLI_ACTOR))[0],
    ).toMatchObject({
      code: 'duplicate-code',
      path: 'election.id',
    });
  });
});

describe('the import and export commands of the CLI', () => {
  it('npx kiem-phieu import … --into, then export … --out, round-trips byte for byte', async () => {
    const dir = tempDir();
    const file = join(dir, 'dai-hoi.kiemphieu');
    const source = join(DECKS, 'medium-delegates-congress', 'record.json');
    const imported = await runCli(['import', source, '--into', file]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Đã nhập cuộc bầu');
    const out = join(dir, 'out.json');
    const id = (load('medium-delegates-congress') as { election: { id: string } }).election.id;
    const exported = await runCli(['export', file, '--election', id, '--out', out]);
    expect(exported.code).toBe(0);
    const a = await runCli(['tally', source, '--json']);
    const b = await runCli(['tally', out, '--json']);
    expect(b.stdout).toBe(a.stdout);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(
      JSON.parse(
        JSON.stringify(
          parseRecord(load('medium-delegates-congress')).ok
            ? (parseRecord(load('medium-delegates-congress')) as { value: unknown }).value
            : null,
        ),
      ),
    );
  });

  it('export names an election that is not in the file', async () => {
    const dir = tempDir();
    const file = join(dir, 'x.kiemphieu');
    await runCli(['import', join(DECKS, 'over-vote', 'record.json'), '--into', file]);
    const run = await runCli([
      'export',
      file,
      '--election',
      'khong-co',
      '--out',
      join(dir, 'o.json'),
      '--lang',
      'en',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('there is no election "khong-co"');
    expect(existsSync(join(dir, 'o.json'))).toBe(false);
  });

  it('a file that is not a congress file is refused', async () => {
    const run = await runCli(['verify', join(ROOT, 'package.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Không mở được tệp đại hội');
  });
});
