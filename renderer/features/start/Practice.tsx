/**
 * The practice congress (tập huấn) on screen: the start screen's card that makes one, the bar
 * that labels every screen of a practice file, and the ballot-by-ballot comparison of what the
 * team entered with the printed stack (core/practice.ts).
 */
import { useEffect, useState } from 'react';
import type { Ballot } from '../../../core/ballot.ts';
import { readMarks } from '../../../core/classify.ts';
import { checkPractice, practiceBallot, practiceElection } from '../../../core/practice.ts';
import type { PracticeCheck } from '../../../core/practice.ts';
import type { ElectionView } from '../../../core/views.ts';
import { client } from '../../client.ts';
import { Form, Messages, SavePathField, TableHead } from '../../components.tsx';
import { useT, type Strings } from '../../i18n.ts';
import { refresh } from '../../refresh.ts';
import { useApp } from '../../store.ts';
import { useCommand } from '../../use-command.ts';

/** Yellow and black, like a training sign: never mistaken for the real congress's red. */
const STRIPES = 'repeating-linear-gradient(135deg, #ffd400 0 18px, #1a1a1a 18px 36px)';

export function PracticeStart() {
  const t = useT();
  const [path, setPath] = useState('');
  const command = useCommand();
  const [made, setMade] = useState<string | null>(null);
  const create = async () => {
    const r = await command.follow(() => client.file('practice', { path }));
    if (!r.ok) return;
    // Stay here: the team must see where the stack to print was written.
    setMade(r.value.deck);
    await refresh();
  };
  return (
    <Form className="card" style={{ borderLeft: '10px solid #ffd400' }} onSubmit={create}>
      <h2>{t.practice.title}</h2>
      <p className="muted">{t.practice.help}</p>
      <Messages messages={command.messages} />
      {made !== null ? <Messages kind="ok" messages={[t.practice.created(made)]} /> : null}
      <SavePathField
        words={t.practice}
        path={path}
        onChange={setPath}
        suggested="tap-huan.kiemphieu"
      />
      <button className="primary" disabled={command.busy}>
        {t.practice.create}
      </button>
    </Form>
  );
}

/** The label on every screen of a practice file; `projector`: a badge that covers nothing. */
export function PracticeBar({ projector = false }: { projector?: boolean }) {
  const t = useT();
  const { file, elections, electionId } = useApp();
  const [open, setOpen] = useState(false);
  if (file?.congress?.practice !== true) return null;
  if (projector) {
    return (
      <div
        data-testid="practice-bar"
        style={{
          position: 'fixed',
          right: 16,
          bottom: 16,
          zIndex: 999,
          background: '#ffd400',
          color: '#1a1a1a',
          border: '4px solid #1a1a1a',
          padding: '6px 18px',
          fontWeight: 800,
          fontSize: '1.6rem',
          letterSpacing: '0.08em',
        }}
      >
        {t.practice.label}
      </div>
    );
  }
  const election = elections.find((e) => e.id === electionId) ?? null;
  return (
    <div
      data-testid="practice-bar"
      role="note"
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 12,
        padding: '4px 12px 4px 0',
        background: '#fff6c2',
        borderBottom: '2px solid #1a1a1a',
      }}
    >
      <strong
        style={{
          background: STRIPES,
          padding: '4px 0',
          width: 150,
          textAlign: 'center',
        }}
      >
        <span style={{ background: '#ffd400', padding: '2px 10px', letterSpacing: '0.08em' }}>
          {t.practice.label}
        </span>
      </strong>
      <span style={{ flex: 1 }}>{t.practice.bar}</span>
      <button type="button" onClick={() => setOpen(true)}>
        {t.practice.check}
      </button>
      {open ? <PracticeCompare election={election} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}

function describe(ballot: Ballot | null, election: ElectionView, t: Strings): string {
  if (ballot === null) return '—';
  const name = (code: string) => election.candidates.find((c) => c.code === code)?.name ?? code;
  const ruling =
    'ruling' in ballot && ballot.ruling !== undefined
      ? ` (${t.practice.ruled}: ${t.invalid[ballot.ruling.invalid]})`
      : '';
  if ('invalid' in ballot) return `${t.practice.ruled}: ${t.invalid[ballot.invalid]}`;
  // The engine's own reading, so the team sees why a printed ballot is invalid.
  const shape = { seats: election.seats, candidates: election.candidates.length };
  const reading = readMarks(
    'struck' in ballot
      ? {
          kind: 'strike',
          struck: ballot.struck.map((code) =>
            election.candidates.findIndex((c) => c.code === code),
          ),
        }
      : {
          kind: 'approve',
          marks: election.candidates.map((c) => ballot.marks[c.code] ?? 'none'),
        },
    shape,
  );
  const invalid = reading.status === 'invalid' ? ` — ${t.invalid[reading.code]}` : '';
  if ('struck' in ballot) {
    return (
      (ballot.struck.length === 0
        ? t.scan.nothingStruck
        : `${t.scan.struck}: ${ballot.struck.map(name).join(', ')}`) +
      invalid +
      ruling
    );
  }
  return (
    election.candidates
      .map((c) => `${c.name}: ${t.scan.mark[ballot.marks[c.code] ?? 'none']}`)
      .join('; ') +
    invalid +
    ruling
  );
}

/** The stack against what was entered, ballot by ballot, with the verdict on top. */
function PracticeCompare({
  election,
  onClose,
}: {
  election: ElectionView | null;
  onClose: () => void;
}) {
  const t = useT();
  const [check, setCheck] = useState<PracticeCheck | null>(null);
  const [error, setError] = useState<readonly string[] | null>(null);
  const deck = election === null ? undefined : practiceElection(election.code);
  useEffect(() => {
    if (election === null || deck === undefined) return;
    void client.query('ballots', { electionId: election.id }).then((r) => {
      if (!r.ok) return setError(r.messages);
      const expected = deck.ballots.map((b) => practiceBallot(b, election.candidates));
      setCheck(
        checkPractice(
          expected,
          r.value.map((b) => ({
            n: b.n,
            body: b.ruling === null ? b.body : ({ ...b.body, ruling: b.ruling } as Ballot),
            voided: b.voided,
          })),
        ),
      );
    });
  }, [election, deck]);
  const total = deck?.ballots.length ?? 0;
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div
        className="modal"
        role="dialog"
        aria-label={t.practice.check}
        style={{ width: 'min(980px, 96vw)', maxHeight: '92vh', overflow: 'auto' }}
      >
        <h2>{election === null ? t.practice.check : t.practice.checkTitle(election.title)}</h2>
        <Messages messages={error} />
        {election === null ? <p>{t.practice.noElection}</p> : null}
        {election !== null && deck === undefined ? <p>{t.practice.notInDeck}</p> : null}
        {check !== null && election !== null ? (
          <>
            <p
              data-testid="practice-verdict"
              style={{
                fontSize: '1.25rem',
                fontWeight: 800,
                padding: '8px 12px',
                color: 'white',
                background: check.ok ? 'var(--green)' : 'var(--red)',
              }}
            >
              {check.ok
                ? t.practice.ok(total)
                : t.practice.notOk(check.matched, total, check.wrong, check.missing)}
            </p>
            <table data-testid="practice-rows">
              <TableHead
                number={t.practice.n}
                titles={[t.practice.printed, t.practice.entered, t.practice.verdictColumn]}
              />
              <tbody>
                {check.rows.map((row) => (
                  <tr key={row.n}>
                    <td style={{ textAlign: 'right', paddingRight: 14 }}>{row.n}</td>
                    <td>{describe(row.expected, election, t)}</td>
                    <td>{describe(row.entered, election, t)}</td>
                    <td
                      style={{
                        fontWeight: 700,
                        color: row.match ? 'var(--green)' : 'var(--red)',
                      }}
                    >
                      {row.match
                        ? `✓ ${t.practice.match}`
                        : row.entered === null
                          ? t.practice.missing
                          : row.expected === null
                            ? `✗ ${t.practice.extra}`
                            : `✗ ${t.practice.wrong}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
        <div className="row" style={{ marginTop: 12 }}>
          <button type="button" className="primary" autoFocus onClick={onClose}>
            {t.practice.close}
          </button>
        </div>
      </div>
    </div>
  );
}
