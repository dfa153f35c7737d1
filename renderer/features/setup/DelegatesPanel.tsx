/**
 * Delegates: import from Excel/CSV with the whole sheet shown (rows can be left out), or paste;
 * attendance: everyone present at once, then the absent found by name and marked by keyboard.
 */
import { useState } from 'react';
import type { CallInput, PeopleSheet } from '../../../core/protocol/index.ts';
import { sheetProblemText } from '../../../core/messages/index.ts';
import { client } from '../../client.ts';
import { Messages, TableHead } from '../../components.tsx';
import { fileToBase64 } from '../../files.ts';
import { useT } from '../../i18n.ts';
import { useApp } from '../../store.ts';
import { useCommand } from '../../use-command.ts';
import { useQuery } from '../../use-query.ts';
import { Attendance } from './Attendance.tsx';

/** A person as the import command takes it. */
type ImportPerson = CallInput<'command', 'importDelegates'>['people'][number];

interface Upload {
  readonly fileName: string;
  readonly base64: string;
  readonly sheet: PeopleSheet;
  /** Rows the operator leaves out. */
  readonly leaveOut: readonly number[];
}

export function DelegatesPanel() {
  const t = useT();
  const { data: delegates } = useQuery('delegates', {});
  const [upload, setUpload] = useState<Upload | null>(null);
  const [confirmDuplicates, setConfirmDuplicates] = useState(false);
  const [pasted, setPasted] = useState('');
  const preview = useCommand();
  const importing = useCommand();

  const read = async (fileName: string, base64: string, leaveOut: readonly number[]) => {
    const r = await client.sheet({
      fileName,
      base64,
      ...(leaveOut.length > 0 ? { leaveOut: [...leaveOut] } : {}),
    });
    if (!r.ok) {
      setUpload(null);
      return preview.say(r.messages);
    }
    preview.say(null);
    setUpload({ fileName, base64, sheet: r.value, leaveOut });
  };

  const importPeople = async (people: ImportPerson[]) => {
    const r = await importing.run('importDelegates', { people });
    if (r.ok) {
      setUpload(null);
      setPasted('');
    }
  };

  return (
    <div className="panel">
      <div className="columns">
        <div className="card">
          <h2>{t.setup.importFile}</h2>
          <input
            type="file"
            accept=".xlsx,.csv"
            aria-label={t.setup.importFile}
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              setConfirmDuplicates(false);
              await read(file.name, await fileToBase64(file), []);
            }}
          />
          <Messages messages={preview.messages} />
          {upload ? (
            <SheetPreview
              upload={upload}
              confirmDuplicates={confirmDuplicates}
              setConfirmDuplicates={setConfirmDuplicates}
              toggle={(row) =>
                void read(
                  upload.fileName,
                  upload.base64,
                  upload.leaveOut.includes(row)
                    ? upload.leaveOut.filter((r) => r !== row)
                    : [...upload.leaveOut, row],
                )
              }
              onImport={(people) => void importPeople(people)}
            />
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
          <Messages messages={importing.messages} />
        </div>
      </div>
      <Attendance delegates={delegates ?? []} />
    </div>
  );
}

/** The whole sheet as read: every person with position and unit, the rows left out and why. */
function SheetPreview({
  upload,
  confirmDuplicates,
  setConfirmDuplicates,
  toggle,
  onImport,
}: {
  upload: Upload;
  confirmDuplicates: boolean;
  setConfirmDuplicates: (on: boolean) => void;
  toggle: (row: number) => void;
  onImport: (people: ImportPerson[]) => void;
}) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const { sheet } = upload;
  const problems = sheet.problems.map((p) => sheetProblemText(p, lang));
  const blocking = sheet.problems.filter((p) => p.code !== 'duplicate-name');
  const duplicates = sheet.problems.filter((p) => p.code === 'duplicate-name');
  const canImport =
    sheet.people.length > 0 &&
    blocking.length === 0 &&
    (duplicates.length === 0 || confirmDuplicates);
  const rows = [
    ...sheet.people.map((p) => ({ row: p.row, person: p, leftOut: null })),
    ...sheet.leftOut.map((l) => ({ row: l.row, person: null, leftOut: l })),
  ].sort((a, b) => a.row - b.row);
  return (
    <div className="preview">
      <p>
        {t.setup.preview}: {sheet.people.length} {t.setup.rows}
        {sheet.leftOut.length > 0 ? ` · ${t.setup.leftOut(sheet.leftOut.length)}` : ''}
      </p>
      {problems.length > 0 ? (
        <div className="messages warn">
          <strong>{t.setup.problems}</strong>
          {problems.slice(0, 12).map((m, i) => (
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
      <div className="sheet-rows" data-testid="sheet-rows">
        <table className="compact">
          <TableHead titles={[t.results.name, t.setup.position, t.setup.unit, t.setup.leaveOut]} />
          <tbody>
            {rows.map(({ row, person, leftOut }) => (
              <tr key={row} data-row={row} className={leftOut ? 'left-out' : ''}>
                <td className="num">{row}</td>
                <td>{person ? person.name : leftOut?.text}</td>
                <td>{person?.position ?? ''}</td>
                <td>{person ? (person.unit ?? '') : t.sheetLeftOut[leftOut!.reason]}</td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t.setup.leaveOutRow(row)}
                    checked={leftOut !== null}
                    disabled={leftOut !== null && leftOut.reason !== 'operator'}
                    onChange={() => toggle(row)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button
        className="primary"
        disabled={!canImport}
        onClick={() =>
          onImport(
            sheet.people.map((p) => ({
              name: p.name,
              ...(p.unit ? { unit: p.unit } : {}),
              ...(p.position ? { position: p.position } : {}),
              ...(p.category ? { category: p.category } : {}),
              ...(p.status ? { status: p.status } : {}),
            })),
          )
        }
      >
        {t.setup.importN(sheet.people.length)}
      </button>
    </div>
  );
}
