/** Logging in with a name and PIN, once the file has operators (and again after a host restart). */
import { useState } from 'react';
import { client } from '../../client.ts';
import { Form, Messages, PlaceholderInput } from '../../components.tsx';
import { useT } from '../../i18n.ts';
import { refresh } from '../../refresh.ts';
import { useCommand } from '../../use-command.ts';

export function Login() {
  const t = useT();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const command = useCommand();
  return (
    <Form
      className="card login"
      onSubmit={async () => {
        const r = await command.follow(() => client.login(name, pin));
        if (!r.ok) return;
        client.setSession(r.value.session);
        await refresh();
      }}
    >
      <h2>{t.login.title}</h2>
      <PlaceholderInput
        label={t.login.name}
        value={name}
        onChange={(e) => setName(e.target.value)}
        autoFocus
      />
      <PlaceholderInput
        label={t.login.pin}
        type="password"
        inputMode="numeric"
        value={pin}
        onChange={(e) => setPin(e.target.value)}
      />
      <button className="primary">{t.login.submit}</button>
      <Messages messages={command.messages} />
    </Form>
  );
}
