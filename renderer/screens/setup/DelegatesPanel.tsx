/** Delegates: import from Excel/CSV with a preview, or paste; attendance with one key per person. */
import { useState } from 'react';
import { fileToBase64 } from '../../files.ts';
import { client } from '../../client.ts';
import { Messages } from '../../components.tsx';
import { useQuery } from '../../hooks.ts';
import { useT } from '../../i18n.ts';
import { useApp } from '../../store.ts';
import type { PeopleSheet } from '../../../core/protocol/index.ts';
import { sheetProblemText } from '../../../core/messages/index.ts';
import { run } from '../Setup.tsx';

type Sheet = PeopleSheet & { readonly messages: readonly string[] };

export function DelegatesPanel() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const { data: delegates } = useQuery('delegates', {});
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [problems, setProblems] = useState<readonly string[] | null>(null);
  const [confirmDuplicates, setConfirmDuplicates] = useState(false);
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<readonly string[] | null>(null);

  const preview = async (file: File) => {
    const r = await client.sheet({
      fileName: file.name,
      base64: await fileToBase64(file),
    });
    if (!r.ok) {
      setSheet(null);
      return setProblems(r.messages);
    }
    setSheet({ ...r.value, messages: r.value.problems.map((p) => sheetProblemText(p, lang)) });
    setProblems(null);
    setConfirmDuplicates(false);
  };

  const blocking = sheet?.problems.filter((p) => p.code !== 'duplicate-name') ?? [];
  const duplicates = sheet?.problems.filter((p) => p.code === 'duplicate-name') ?? [];
  const canImport =
    sheet !== null &&
    sheet.people.length > 0 &&
    blocking.length === 0 &&
    (duplicates.length === 0 || confirmDuplicates);

  const importPeople = async (
    people: { name: string; unit?: string; category?: string; status?: 'official' | 'alternate' }[],
  ) => {
    const messages = await run('importDelegates', { people });
    setError(messages);
    if (messages === null) {
      setSheet(null);
      setPasted('');
    }
  };

  const counts = { present: 0, absent: 0, unknown: 0 };
  for (const d of delegates ?? []) counts[d.attendance]++;

  return (
    <div className="panel">
      <div className="columns">
        <div className="card">
          <h2>{t.setup.importFile}</h2>
          <input
            type="file"
            accept=".xlsx,.csv"
            aria-label={t.setup.importFile}
            onChange={(e) => e.target.files?.[0] && void preview(e.target.files[0])}
          />
          <Messages messages={problems} />
          {sheet ? (
            <div className="preview">
              <p>
                {t.setup.preview}: {sheet.people.length} {t.setup.rows}
              </p>
              {sheet.messages.length > 0 ? (
                <div className="messages warn">
                  <strong>{t.setup.problems}</strong>
                  {sheet.messages.slice(0, 12).map((m, i) => (
                    <div key={i}>{m}</div>
                  ))}
                </div>
              ) : null}
              {duplicates.length > 0 ? (
                <label className="check">
                  <input
                    type="checkbox"
                    checked={confirmDuplicates}
                    onChange={(e) => setConfirmDuplicates(e.target.checked)}
                  />
                  {t.setup.confirmDuplicates}
                </label>
              ) : null}
              <table className="compact">
                <tbody>
                  {sheet.people.slice(0, 8).map((p) => (
                    <tr key={p.row}>
                      <td className="num">{p.row}</td>
                      <td>{p.name}</td>
                      <td>{p.unit ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button
                className="primary"
                disabled={!canImport}
                onClick={() =>
                  void importPeople(
                    sheet.people.map((p) => ({
                      name: p.name,
                      ...(p.unit ? { unit: p.unit } : {}),
                      ...(p.category ? { category: p.category } : {}),
                      ...(p.status ? { status: p.status } : {}),
                    })),
                  )
                }
              >
                {t.setup.importN(sheet.people.length)}
              </button>
            </div>
          ) : null}
        </div>
        <div className="card">
          <h2>{t.setup.paste}</h2>
          <textarea
            rows={6}
            aria-label={t.setup.paste}
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
          />
          <button
            className="primary"
            disabled={pasted.trim() === ''}
            onClick={() =>
              void importPeople(
                pasted
                  .split('\n')
                  .map((l) => l.trim())
                  .filter((l) => l !== '')
                  .map((name) => ({ name })),
              )
            }
          >
            {t.setup.addPeople}
          </button>
          <Messages messages={error} />
        </div>
      </div>
      <h2>
        {t.setup.delegates(delegates?.length ?? 0)} ·{' '}
        <span className="muted">
          {t.setup.presentCount(counts.present, counts.absent, counts.unknown)}
        </span>
      </h2>
      <table className="list">
        <thead>
          <tr>
            <th className="num">#</th>
            <th>{t.results.name}</th>
            <th>{t.setup.unit}</th>
            <th>{t.setup.status}</th>
            <th>{t.setup.attendance}</th>
          </tr>
        </thead>
        <tbody>
          {(delegates ?? []).map((d, i) => (
            <tr key={d.id}>
              <td className="num">{i + 1}</td>
              <td>{d.name}</td>
              <td>{d.unit ?? ''}</td>
              <td>{d.status === 'official' ? t.setup.official : t.setup.alternate}</td>
              <td>
                <button
                  className={`attendance ${d.attendance}`}
                  onClick={() =>
                    void run('setAttendance', {
                      delegateId: d.id,
                      attendance:
                        d.attendance === 'present'
                          ? 'absent'
                          : d.attendance === 'absent'
                            ? 'unknown'
                            : 'present',
                    })
                  }
                >
                  {d.attendance === 'present'
                    ? t.setup.present
                    : d.attendance === 'absent'
                      ? t.setup.absent
                      : t.setup.unknown}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
