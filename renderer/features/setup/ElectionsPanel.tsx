/** Elections: create with the list (ballot order computed), reorder, warnings, start counting. */
import { useState } from 'react';
import { ELECTION_KINDS } from '../../../core/codes.ts';
import { warningText } from '../../../core/labels.ts';
import type { ElectionView } from '../../../core/views.ts';
import { client } from '../../client.ts';
import { Field, Form, Messages } from '../../components.tsx';
import { fileToBase64 } from '../../files.ts';
import { useT } from '../../i18n.ts';
import { sheetProblemText } from '../../../core/messages/index.ts';
import { useApp } from '../../store.ts';
import { useCommand } from '../../use-command.ts';
import { useQuery } from '../../use-query.ts';
import { BaseLine } from '../../BaseLine.tsx';
import { BasePanel } from './BasePanel.tsx';
import { isConferenceKind } from './conference-base.ts';

export function ElectionsPanel() {
  const t = useT();
  const { elections, lang } = useApp();
  const [form, setForm] = useState({
    title: '',
    kind: 'committee',
    layout: 'strike',
    seats: '',
    candidates: '',
    order: 'ballot',
  });
  const command = useCommand();
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });

  const create = async () => {
    const candidates = form.candidates
      .split('\n')
      .map((l) => l.replace(/^\s*\d+[.)]\s*/u, '').trim())
      .filter((l) => l !== '');
    const r = await command.run('createElection', {
      title: form.title,
      kind: form.kind as ElectionView['kind'],
      layout: form.layout as 'strike' | 'approve',
      seats: Number(form.seats),
      candidates,
      order: form.order as 'ballot' | 'as-given',
    });
    if (r.ok) setForm({ ...form, title: '', seats: '', candidates: '' });
  };

  return (
    <div className="panel">
      {elections.map((e) => (
        <ElectionCard key={e.id} election={e} lang={lang} />
      ))}
      <Form className="card" onSubmit={create}>
        <h2>{t.setup.newElection}</h2>
        <Field label={t.setup.electionTitle}>
          <input value={form.title} onChange={set('title')} required />
        </Field>
        <div className="row">
          <Field label={t.setup.electionKind}>
            <select value={form.kind} onChange={set('kind')}>
              {ELECTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t.kinds[k]}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t.setup.layout}>
            <select value={form.layout} onChange={set('layout')}>
              <option value="strike">{t.setup.layoutStrike}</option>
              <option value="approve">{t.setup.layoutApprove}</option>
            </select>
          </Field>
          <Field label={t.setup.seats}>
            <input inputMode="numeric" value={form.seats} onChange={set('seats')} required />
          </Field>
        </div>
        <Field label={t.setup.candidates}>
          <textarea rows={6} value={form.candidates} onChange={set('candidates')} />
        </Field>
        <Field label={t.setup.candidatesFile}>
          <input
            type="file"
            accept=".xlsx,.csv"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              // The sheet is read (legacy encodings converted, header found) into the list above, to check before creating.
              const r = await client.sheet({
                fileName: file.name,
                base64: await fileToBase64(file),
              });
              if (!r.ok) return command.say(r.messages);
              setForm((f) => ({ ...f, candidates: r.value.people.map((p) => p.name).join('\n') }));
              const problems = r.value.problems.map((p) => sheetProblemText(p, lang));
              command.say(problems.length > 0 ? problems : null);
            }}
          />
        </Field>
        <div className="row">
          {(
            [
              ['ballot', t.setup.ballotOrder],
              ['as-given', t.setup.asGiven],
            ] as const
          ).map(([order, label]) => (
            <label key={order} className="check">
              <input
                type="radio"
                name="order"
                checked={form.order === order}
                onChange={() => setForm({ ...form, order })}
              />
              {label}
            </label>
          ))}
        </div>
        <button className="primary" disabled={command.busy}>
          {t.setup.create}
        </button>
        <Messages messages={command.messages} />
      </Form>
    </div>
  );
}

function ElectionCard({ election: e, lang }: { election: ElectionView; lang: 'vi' | 'en' }) {
  const t = useT();
  const command = useCommand();
  const draft = e.status === 'draft';
  const conference = isConferenceKind(e.kind);
  const move = async (index: number, by: -1 | 1) => {
    const order = e.candidates.map((c) => c.code);
    const [item] = order.splice(index, 1);
    if (item === undefined) return;
    order.splice(index + by, 0, item);
    await command.run('reorderCandidates', { electionId: e.id, order });
  };
  return (
    <div className="card election">
      <h2>
        {e.title} <span className={`badge ${e.status}`}>{t.status[e.status]}</span>
      </h2>
      <p className="muted">
        {t.kinds[e.kind]} · {e.layout === 'strike' ? t.setup.layoutStrike : t.setup.layoutApprove} ·{' '}
        {t.setup.seats}: {e.seats}
        {e.round > 1 ? ` · ${t.common.round} ${e.round}` : ''}
      </p>
      <BaseLine election={e} />
      <Messages kind="warn" messages={e.listWarnings.map((w) => warningText(w, lang))} />
      <ol className="candidates">
        {e.candidates.map((c, i) => (
          <li key={c.code}>
            <span>
              <span className="no">{i + 1}.</span> {c.name}
            </span>
            {draft ? (
              <span className="row small">
                <button
                  aria-label={`${t.common.up} ${c.name}`}
                  disabled={i === 0}
                  onClick={() => void move(i, -1)}
                >
                  ↑
                </button>
                <button
                  aria-label={`${t.common.down} ${c.name}`}
                  disabled={i === e.candidates.length - 1}
                  onClick={() => void move(i, 1)}
                >
                  ↓
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {draft || e.status === 'open' ? (
        <button
          className="primary"
          onClick={async () => {
            const r = await command.run('startCounting', { electionId: e.id }, { reload: true });
            if (r.ok) {
              useApp.getState().set({ electionId: e.id });
              useApp.getState().go('count');
            }
          }}
        >
          {t.setup.startCounting}
        </button>
      ) : null}
      {e.status === 'draft' || e.status === 'open' || e.status === 'counting' ? (
        <ReadingsChoice electionId={e.id} />
      ) : null}
      <details className="own-base" open={conference && e.status !== 'finalized'}>
        <summary>{t.setup.ownBase}</summary>
        <BasePanel election={e} />
      </details>
      <Messages messages={command.messages} />
    </div>
  );
}

/** How many independent readings each stack of this election needs (double entry). */
function ReadingsChoice({ electionId }: { electionId: number }) {
  const t = useT();
  const command = useCommand();
  const { data } = useQuery('readings', { electionId });
  if (data === undefined) return null;
  return (
    <div className="readings-choice" data-testid="readings-choice">
      <label>
        {t.readingScreen.required}{' '}
        <select
          value={data.required}
          onChange={(ev) =>
            void command.run('setReadings', {
              electionId,
              readings: Number(ev.target.value) as 1 | 2 | 3,
            })
          }
        >
          {[1, 2, 3].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <p className="muted">{t.readingScreen.requiredHelp}</p>
      <Messages messages={command.messages} />
    </div>
  );
}
