/** The audit log, filterable by command, with the hash chain's verification. */
import { useState } from 'react';
import { useQuery } from '../../use-query.ts';
import { useT } from '../../i18n.ts';
import { AUDIT_EVENTS, auditLabel } from '../../../core/audit-catalogue.ts';
import { useApp } from '../../store.ts';
import { TableHead } from '../../components.tsx';

export function Audit() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const [command, setCommand] = useState('');
  const { data: verification } = useQuery('verifyAudit', {});
  const { data: rows } = useQuery('audit', { limit: 500, ...(command === '' ? {} : { command }) });
  return (
    <section className="audit">
      <h1>{t.audit.title}</h1>
      {verification ? (
        <p className={`messages ${verification.ok ? 'ok' : 'error'}`} data-testid="chain">
          {verification.ok
            ? t.audit.verified(verification.rows)
            : t.audit.broken(verification.firstBrokenSeq)}{' '}
          · <code>{verification.head.slice(0, 16)}…</code>
        </p>
      ) : null}
      <label className="field inline">
        <span className="label">{t.audit.filter}</span>
        <select value={command} onChange={(e) => setCommand(e.target.value)}>
          <option value="">{t.audit.all}</option>
          {Object.keys(AUDIT_EVENTS).map((c) => (
            <option key={c} value={c}>
              {auditLabel(c, lang)}
            </option>
          ))}
        </select>
      </label>
      <table className="list compact">
        <TableHead
          number={t.audit.seq}
          titles={[t.audit.at, t.audit.actor, t.audit.command, t.audit.payload]}
        />
        <tbody>
          {(rows ?? []).map((r) => (
            <tr key={r.seq}>
              <td className="num">{r.seq}</td>
              <td>{new Date(r.at).toLocaleString('vi-VN')}</td>
              <td>{r.actor}</td>
              <td
                className={`level-${AUDIT_EVENTS[r.command as keyof typeof AUDIT_EVENTS]?.level ?? 'info'}`}
              >
                {auditLabel(r.command, lang)}
              </td>
              <td className="payload">
                <code>{JSON.stringify(r.payload).slice(0, 160)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
