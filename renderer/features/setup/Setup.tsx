/** Setup: the congress, delegates and attendance, the base, the counting committee, elections, operators. */
import { useT } from '../../i18n.ts';
import { useApp, type SetupTab } from '../../store.ts';
import { BasePanel } from './BasePanel.tsx';
import { CongressPanel } from './CongressPanel.tsx';
import { CommitteePanel } from './CommitteePanel.tsx';
import { DelegatesPanel } from './DelegatesPanel.tsx';
import { ElectionsPanel } from './ElectionsPanel.tsx';
import { OperatorsPanel } from './OperatorsPanel.tsx';

const TABS: readonly SetupTab[] = [
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
  const setTab = (setupTab: SetupTab) => useApp.getState().set({ setupTab });
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
