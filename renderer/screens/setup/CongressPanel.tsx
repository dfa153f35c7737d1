/** The congress's details, as the minutes print them, editable after the file is made. */
import { useEffect, useState } from 'react';
import { Messages } from '../../components.tsx';
import { refresh } from '../../refresh.ts';
import { useT } from '../../i18n.ts';
import { useApp } from '../../store.ts';
import {
  CongressFields,
  EMPTY_CONGRESS,
  detailsOf,
  formOf,
  type CongressForm,
} from '../CongressFields.tsx';
import { run } from '../Setup.tsx';

export function CongressPanel() {
  const t = useT();
  const congress = useApp((s) => s.file?.congress ?? null);
  const [form, setForm] = useState<CongressForm>(EMPTY_CONGRESS);
  const [messages, setMessages] = useState<readonly string[] | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (congress) setForm(formOf(congress));
  }, [congress]);
  return (
    <form
      className="card panel"
      onSubmit={async (e) => {
        e.preventDefault();
        const m = await run('updateCongress', detailsOf(form) as never);
        setMessages(m);
        setSaved(m === null);
        if (m === null) await refresh();
      }}
    >
      <CongressFields form={form} onChange={setForm} />
      <button className="primary">{t.common.save}</button>
      {saved ? <Messages kind="ok" messages={[t.common.saved]} /> : null}
      <Messages messages={messages} />
    </form>
  );
}
