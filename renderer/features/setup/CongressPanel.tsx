/** The congress's details, as the minutes print them, editable after the file is made. */
import { useEffect, useState } from 'react';
import { Form, Messages } from '../../components.tsx';
import { useCommand } from '../../use-command.ts';
import { useT } from '../../i18n.ts';
import { useApp } from '../../store.ts';
import {
  CongressFields,
  EMPTY_CONGRESS,
  detailsOf,
  formOf,
  type CongressForm,
} from '../start/CongressFields.tsx';

export function CongressPanel() {
  const t = useT();
  const congress = useApp((s) => s.file?.congress ?? null);
  const [form, setForm] = useState<CongressForm>(EMPTY_CONGRESS);
  const command = useCommand();
  useEffect(() => {
    if (congress) setForm(formOf(congress));
  }, [congress]);
  return (
    <Form
      className="card panel"
      onSubmit={async () => {
        await command.run('updateCongress', detailsOf(form) as never, { reload: true });
      }}
    >
      <CongressFields form={form} onChange={setForm} />
      <button className="primary">{t.common.save}</button>
      {command.done ? <Messages kind="ok" messages={[t.common.saved]} /> : null}
      <Messages messages={command.messages} />
    </Form>
  );
}
