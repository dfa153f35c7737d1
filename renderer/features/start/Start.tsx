/** Start: create or open a congress file; the files opened recently. */
import { useEffect, useState } from 'react';
import { client, type Reply } from '../../client.ts';
import { Form, Messages, SavePathField } from '../../components.tsx';
import { PairingCode } from './Pairing.tsx';
import { PracticeStart } from './Practice.tsx';
import { UsbBackup } from './UsbBackup.tsx';
import { CongressFields, EMPTY_CONGRESS, detailsOf, type CongressForm } from './CongressFields.tsx';
import { useT } from '../../i18n.ts';
import type { RecentFile } from '../../../core/protocol/index.ts';
import type { CongressDetails } from '../../../core/api.ts';
import { useApp } from '../../store.ts';
import { useCommand } from '../../use-command.ts';

type Recent = RecentFile;

export function Start() {
  const t = useT();
  const { file, go } = useApp();
  const [recent, setRecent] = useState<Recent[]>([]);
  const [path, setPath] = useState('');
  const [openPath, setOpenPath] = useState('');
  const [details, setDetails] = useState<CongressForm>(EMPTY_CONGRESS);
  const command = useCommand();

  useEffect(() => {
    void client.file('recent', {}).then((r) => r.ok && setRecent([...r.value]));
  }, [file]);

  /** Opens or creates the file, then goes on to setting it up. */
  const openThen = async <T,>(send: () => Promise<Reply<T>>) => {
    const r = await command.follow(send, { reload: true });
    if (r.ok) go('setup');
  };
  const open = (p: string) => openThen(() => client.file('open', { path: p }));
  const create = () => {
    const congress = detailsOf(details) as CongressDetails;
    return openThen(() => client.file('create', { path, congress }));
  };

  return (
    <section className="start">
      <h1>{t.start.title}</h1>
      <p className="muted">{t.start.intro}</p>
      {file ? (
        <p>
          {t.start.current}: <strong>{file.congress?.name}</strong> <code>{file.path}</code>
        </p>
      ) : null}
      <Messages messages={command.messages} />
      <PairingCode />
      {file ? <UsbBackup /> : null}
      <div className="columns">
        <Form className="card" onSubmit={create}>
          <h2>{t.start.create}</h2>
          <SavePathField
            words={t.start}
            path={path}
            onChange={setPath}
            suggested="dai-hoi.kiemphieu"
          />
          <CongressFields form={details} onChange={setDetails} />
          <button className="primary">{t.start.create}</button>
        </Form>
        <div className="card">
          <h2>{t.start.open}</h2>
          <Form className="row" onSubmit={() => open(openPath)}>
            <input
              aria-label={`${t.start.open}: ${t.start.path}`}
              value={openPath}
              onChange={(e) => setOpenPath(e.target.value)}
              placeholder={t.start.pathHint}
            />
            <button className="primary">{t.start.open}</button>
            {client.canPickFiles ? (
              <button
                type="button"
                onClick={async () => {
                  const picked = await client.pickPath('open');
                  if (picked !== null) void open(picked);
                }}
              >
                {t.start.browse}
              </button>
            ) : null}
          </Form>
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
      <PracticeStart />
    </section>
  );
}
