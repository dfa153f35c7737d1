/** Pairing: another station of the LAN types the code shown on the main screen; and that code, shown. */
import { useEffect, useState } from 'react';
import { client } from '../../client.ts';
import { Field, Form, Messages } from '../../components.tsx';
import { useT } from '../../i18n.ts';

export function PairStation() {
  const t = useT();
  const [code, setCode] = useState('');
  const [messages, setMessages] = useState<readonly string[] | null>(null);
  return (
    <Form
      className="card login"
      onSubmit={async () => {
        setMessages(await client.pair(code));
      }}
    >
      <h2>{t.pairing.title}</h2>
      <p className="muted">{t.pairing.help}</p>
      <Field label={t.pairing.code}>
        <input
          inputMode="numeric"
          autoFocus
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </Field>
      <button className="primary">{t.pairing.submit}</button>
      <Messages messages={messages} />
    </Form>
  );
}

/** On the main screen in LAN mode: where the other stations go, and the code they type. */
export function PairingCode() {
  const t = useT();
  const [info, setInfo] = useState<Awaited<ReturnType<typeof client.pairing>>>(null);
  useEffect(() => {
    let live = true;
    const load = () => void client.pairing().then((i) => live && setInfo(i));
    load();
    const timer = setInterval(load, 15_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  if (info === null) return null;
  return (
    <div className="card pairing" data-testid="pairing-code">
      <h3>{t.pairing.other}</h3>
      <p>
        {t.pairing.open}{' '}
        {info.addresses.map((a) => `http://${a}:${info.port}/`).join(' · ') ||
          `http://…:${info.port}/`}
      </p>
      <p className="big">
        {t.pairing.code}: <strong>{info.code}</strong>
      </p>
    </div>
  );
}
