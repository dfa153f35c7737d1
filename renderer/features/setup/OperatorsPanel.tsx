/** Operators: who may enter, rule and finalize; each with a PIN. */
import { useState } from 'react';
import { Field, Form, Messages } from '../../components.tsx';
import { useCommand } from '../../use-command.ts';
import { useQuery } from '../../use-query.ts';
import { useT } from '../../i18n.ts';

export function OperatorsPanel() {
  const t = useT();
  const { data } = useQuery('operators', {});
  const [form, setForm] = useState({
    name: '',
    role: 'operator' as 'admin' | 'operator' | 'committee',
    pin: '',
  });
  const command = useCommand();
  return (
    <div className="card panel">
      <ul>
        {(data ?? []).map((o) => (
          <li key={o.id}>
            {o.name} — {t.setup.roles[o.role]}
          </li>
        ))}
      </ul>
      <Form
        className="row"
        onSubmit={async () => {
          const r = await command.run('addOperator', form);
          if (r.ok) setForm({ name: '', role: 'operator', pin: '' });
        }}
      >
        <Field label={t.setup.operatorName}>
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </Field>
        <Field label={t.setup.role}>
          <select
            value={form.role}
            onChange={(e) => setForm({ ...form, role: e.target.value as typeof form.role })}
          >
            <option value="admin">{t.setup.roles.admin}</option>
            <option value="operator">{t.setup.roles.operator}</option>
            <option value="committee">{t.setup.roles.committee}</option>
          </select>
        </Field>
        <Field label={t.setup.pin}>
          <input
            type="password"
            inputMode="numeric"
            value={form.pin}
            onChange={(e) => setForm({ ...form, pin: e.target.value })}
          />
        </Field>
        <button className="primary">{t.common.add}</button>
      </Form>
      <Messages messages={command.messages} />
    </div>
  );
}
