/** Start: create or open a congress file; the files opened recently. */
import { useEffect, useState } from 'react';
import { client } from '../client.ts';
import { Field, Messages } from '../components.tsx';
import { useT } from '../i18n.ts';
import { refresh } from '../refresh.ts';
import { useApp } from '../store.ts';

interface Recent {
  path: string;
  name: string;
  openedAt: string;
}

export function Start() {
  const t = useT();
  const { file, go } = useApp();
  const [recent, setRecent] = useState<Recent[]>([]);
  const [path, setPath] = useState('');
  const [openPath, setOpenPath] = useState('');
  const [details, setDetails] = useState({
    name: '',
    organisation: '',
    kind: 'delegates',
    rules: 'party',
    term: '',
    place: '',
    dateStart: '',
  });
  const [error, setError] = useState<readonly string[] | null>(null);

  useEffect(() => {
    void client.file<Recent[]>('recent').then((r) => r.ok && setRecent(r.value));
  }, [file]);

  const open = async (p: string) => {
    const r = await client.file('open', { path: p });
    if (!r.ok) return setError(r.messages);
    setError(null);
    await refresh();
    go('setup');
  };

  const create = async () => {
    // Dates are typed the Vietnamese way, dd/mm/yyyy, and stored as ISO.
    const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u.exec(details.dateStart.trim());
    const iso = date
      ? `${date[3]}-${date[2]!.padStart(2, '0')}-${date[1]!.padStart(2, '0')}`
      : details.dateStart.trim();
    const congress = Object.fromEntries(
      Object.entries({ ...details, dateStart: iso }).filter(([, v]) => v !== ''),
    );
    const r = await client.file('create', { path, congress });
    if (!r.ok) return setError(r.messages);
    setError(null);
    await refresh();
    go('setup');
  };

  const set = (k: keyof typeof details) => (e: { target: { value: string } }) =>
    setDetails({ ...details, [k]: e.target.value });

  return (
    <section className="start">
      <h1>{t.start.title}</h1>
      <p className="muted">{t.start.intro}</p>
      {file ? (
        <p>
          {t.start.current}: <strong>{file.congress?.name}</strong> <code>{file.path}</code>
        </p>
      ) : null}
      <Messages messages={error} />
      <div className="columns">
        <form
          className="card"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <h2>{t.start.create}</h2>
          <Field label={t.start.path} hint={t.start.pathHint}>
            <input value={path} onChange={(e) => setPath(e.target.value)} required />
          </Field>
          <Field label={t.start.name}>
            <input value={details.name} onChange={set('name')} required />
          </Field>
          <Field label={t.start.organisation}>
            <input value={details.organisation} onChange={set('organisation')} required />
          </Field>
          <div className="row">
            <Field label={t.start.kind}>
              <select value={details.kind} onChange={set('kind')}>
                <option value="delegates">{t.start.kindDelegates}</option>
                <option value="members">{t.start.kindMembers}</option>
              </select>
            </Field>
            <Field label={t.start.rules}>
              <select value={details.rules} onChange={set('rules')}>
                <option value="party">{t.start.rulesParty}</option>
                <option value="valid-ballots">{t.start.rulesValid}</option>
                <option value="collected-ballots">{t.start.rulesCollected}</option>
              </select>
            </Field>
          </div>
          <div className="row">
            <Field label={t.start.term}>
              <input value={details.term} onChange={set('term')} placeholder="2025–2030" />
            </Field>
            <Field label={t.start.place}>
              <input value={details.place} onChange={set('place')} />
            </Field>
            <Field label={t.start.dateStart}>
              <input
                value={details.dateStart}
                onChange={set('dateStart')}
                placeholder="dd/mm/yyyy"
              />
            </Field>
          </div>
          <button className="primary">{t.start.create}</button>
        </form>
        <div className="card">
          <h2>{t.start.open}</h2>
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              void open(openPath);
            }}
          >
            <input
              aria-label={`${t.start.open}: ${t.start.path}`}
              value={openPath}
              onChange={(e) => setOpenPath(e.target.value)}
              placeholder={t.start.pathHint}
            />
            <button className="primary">{t.start.open}</button>
          </form>
          <h3>{t.start.recent}</h3>
          {recent.length === 0 ? <p className="muted">{t.start.noRecent}</p> : null}
          <ul className="recent">
            {recent.map((r) => (
              <li key={r.path}>
                <button className="link" onClick={() => void open(r.path)}>
                  <strong>{r.name}</strong>
                  <br />
                  <code>{r.path}</code>
                </button>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
