/** Setup: the congress, delegates and attendance, the base, the counting committee, elections, operators. */
import { client } from '../client.ts';
import { useT } from '../i18n.ts';
import { useApp } from '../store.ts';
import { BasePanel } from './setup/BasePanel.tsx';
import { CongressPanel } from './setup/CongressPanel.tsx';
import { CommitteePanel } from './setup/CommitteePanel.tsx';
import { DelegatesPanel } from './setup/DelegatesPanel.tsx';
import { ElectionsPanel } from './setup/ElectionsPanel.tsx';
import { OperatorsPanel } from './setup/OperatorsPanel.tsx';

type Tab = 'congress' | 'delegates' | 'base' | 'committee' | 'elections' | 'operators';
const TABS: readonly Tab[] = [
  'congress',
  'delegates',
  'base',
  'committee',
  'elections',
  'operators',
];

export function Setup() {
  const t = useT();
  const tab = useApp((s) => s.setupTab);
  const setTab = (setupTab: Tab) => useApp.getState().set({ setupTab });
  const file = useApp((s) => s.file);
  return (
    <section>
      <h1>{t.setup.title}</h1>
      {file?.congress ? (
        <p className="muted">
          {file.congress.organisation} ·{' '}
          {file.congress.kind === 'delegates' ? t.start.kindDelegates : t.start.kindMembers}
          {file.congress.term ? ` · ${file.congress.term}` : ''}
        </p>
      ) : null}
      <div className="tabs" role="tablist">
        {TABS.map((k) => (
          <button
            key={k}
            role="tab"
            aria-selected={tab === k}
            className={tab === k ? 'active' : ''}
            onClick={() => setTab(k)}
          >
            {t.setup.tabs[k]}
          </button>
        ))}
      </div>
      {tab === 'congress' ? <CongressPanel /> : null}
      {tab === 'delegates' ? <DelegatesPanel /> : null}
      {tab === 'base' ? <BasePanel /> : null}
      {tab === 'committee' ? <CommitteePanel /> : null}
      {tab === 'elections' ? <ElectionsPanel /> : null}
      {tab === 'operators' ? <OperatorsPanel /> : null}
    </section>
  );
}

/** Runs a command and returns its messages (null when it went through). */
export async function run<K extends Parameters<typeof client.command>[0]>(
  name: K,
  input: Parameters<typeof client.command<K>>[1],
): Promise<readonly string[] | null> {
  const r = await client.command(name, input);
  return r.ok ? null : r.messages;
}
