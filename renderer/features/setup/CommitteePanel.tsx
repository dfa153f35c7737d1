/** The counting committee: its head and members sign the minutes. */
import { useEffect, useState } from 'react';
import { Form, Messages } from '../../components.tsx';
import { useCommand } from '../../use-command.ts';
import { useQuery } from '../../use-query.ts';
import { useT } from '../../i18n.ts';

type Member = { name: string; role: 'head' | 'member' };

export function CommitteePanel() {
  const t = useT();
  const { data } = useQuery('committee', {});
  const [members, setMembers] = useState<Member[]>([{ name: '', role: 'head' }]);
  const command = useCommand();
  useEffect(() => {
    if (data && data.length > 0) setMembers(data.map((m) => ({ ...m })));
  }, [data]);
  const update = (i: number, patch: Partial<Member>) =>
    setMembers(members.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <Form
      className="card panel"
      onSubmit={async () => {
        await command.run('setCommittee', {
          members: members.filter((x) => x.name.trim() !== ''),
        });
      }}
    >
      <p className="muted">{t.setup.committeeHelp}</p>
      {members.map((m, i) => (
        <div className="row" key={i}>
          <input
            aria-label={`${t.setup.operatorName} ${i + 1}`}
            value={m.name}
            onChange={(e) => update(i, { name: e.target.value })}
          />
          <select
            aria-label={`${t.setup.role} ${i + 1}`}
            value={m.role}
            onChange={(e) => update(i, { role: e.target.value as Member['role'] })}
          >
            <option value="head">{t.setup.head}</option>
            <option value="member">{t.setup.member}</option>
          </select>
          <button type="button" onClick={() => setMembers(members.filter((_, j) => j !== i))}>
            {t.common.remove}
          </button>
        </div>
      ))}
      <div className="row">
        <button
          type="button"
          onClick={() => setMembers([...members, { name: '', role: 'member' }])}
        >
          {t.common.add}
        </button>
        <button className="primary">{t.common.save}</button>
      </div>
      {command.done ? <Messages kind="ok" messages={[t.common.saved]} /> : null}
      <Messages messages={command.messages} />
    </Form>
  );
}
