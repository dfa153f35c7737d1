/**
 * Giới thiệu ứng cử viên, the operator's side: pick the election, read the candidates' details
 * from their spreadsheet and their photos from a folder, check them in a table, then open the
 * slides in a window of their own for the hall's projector (#/intro?show=ID) or print the handout.
 */
import { useState } from 'react';
import { PHOTO_EXTENSIONS, matchPhotos } from '../../../core/candidate-details.ts';
import { photoProblemText, sheetProblemText } from '../../../core/messages/index.ts';
import type { SheetPerson } from '../../../core/protocol/sheet.ts';
import type { CandidateDetailView, ElectionView } from '../../../core/views.ts';
import { client } from '../../client.ts';
import { Field, Messages, TableHead } from '../../components.tsx';
import { fileToBase64 } from '../../files.ts';
import { useT } from '../../i18n.ts';
import { useApp } from '../../store.ts';
import { useCommand } from '../../use-command.ts';
import { useQuery } from '../../use-query.ts';
import { download } from '../results/Documents.tsx';
import { detailsFromSheet, photoTargets } from './import.ts';
import { usePhoto } from './photo.ts';
import './intro.css';

const isPicture = (name: string): boolean =>
  PHOTO_EXTENSIONS.includes(/\.([^.]+)$/u.exec(name)?.[1]?.toLowerCase() ?? '');

/** A folder picker: Chromium and Electron give every file of the folder chosen. */
const FOLDER = { webkitdirectory: '', directory: '' } as Record<string, string>;

export function Intro() {
  const t = useT();
  const { elections, electionId, lang } = useApp();
  const withList = elections.filter((e) => e.candidates.length > 0);
  const chosen = withList.find((e) => e.id === electionId) ?? withList[0];
  if (chosen === undefined) {
    return (
      <section>
        <h1>{t.intro.title}</h1>
        <p className="muted">{t.intro.noElection}</p>
      </section>
    );
  }
  return (
    <section className="intro-setup">
      <h1>{t.intro.title}</h1>
      <p className="muted">{t.intro.lead}</p>
      <Field label={t.intro.election}>
        <select
          value={chosen.id}
          onChange={(e) => useApp.getState().set({ electionId: Number(e.target.value) })}
        >
          {withList.map((e) => (
            <option key={e.id} value={e.id}>
              {e.title}
            </option>
          ))}
        </select>
      </Field>
      <IntroElection key={chosen.id} election={chosen} lang={lang} />
    </section>
  );
}

function IntroElection({ election, lang }: { election: ElectionView; lang: 'vi' | 'en' }) {
  const t = useT();
  const command = useCommand();
  const { data: candidates } = useQuery('candidateDetails', { electionId: election.id });
  const [people, setPeople] = useState<readonly SheetPerson[] | null>(null);
  const [read, setRead] = useState<ReturnType<typeof detailsFromSheet> | null>(null);
  const [notes, setNotes] = useState<readonly string[] | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const list = candidates ?? [];

  const readSheet = async (file: File) => {
    setNotes(null);
    const r = await client.sheet({ fileName: file.name, base64: await fileToBase64(file) });
    if (!r.ok) return command.say(r.messages);
    const problems = r.value.problems.map((p) => sheetProblemText(p, lang));
    command.say(problems.length > 0 ? problems : null);
    setPeople(r.value.people);
    setRead(detailsFromSheet(r.value.people, list));
  };

  const saveDetails = async () => {
    if (read === null) return;
    const r = await command.run('setCandidateDetails', {
      electionId: election.id,
      details: read.details,
    });
    if (r.ok) {
      setNotes([t.intro.savedDetails(r.value.count)]);
      setRead(null);
    }
  };

  const readPhotos = async (files: readonly File[]) => {
    const pictures = files.filter((f) => isPicture(f.name));
    const { matches, problems } = matchPhotos(
      pictures.map((f) => f.name),
      photoTargets(list, people),
    );
    const said = problems.map((p) => photoProblemText(p, lang));
    let saved = 0;
    for (const [i, m] of matches.entries()) {
      setProgress(t.intro.preparing(i + 1, matches.length));
      const file = pictures.find((f) => f.name === m.fileName);
      if (file === undefined) continue;
      const photo = await client.photo({ fileName: file.name, base64: await fileToBase64(file) });
      if (!photo.ok) {
        said.push(...photo.messages);
        continue;
      }
      const r = await client.command('setCandidatePhoto', {
        electionId: election.id,
        name: m.name,
        jpeg: photo.value.base64,
      });
      if (r.ok) saved++;
      else said.push(...r.messages);
    }
    setProgress(null);
    command.say(said.length > 0 ? said : null);
    setNotes([t.intro.savedPhotos(saved)]);
  };

  const handout = async () => {
    const r = await client.document('candidate-handout', { electionId: election.id });
    if (r.ok) download(r.value);
    else command.say(r.messages);
  };

  return (
    <>
      <div className="card">
        <div className="row">
          <Field label={t.intro.sheet}>
            <input
              type="file"
              accept=".xlsx,.csv"
              data-testid="intro-sheet"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void readSheet(file);
              }}
            />
          </Field>
        </div>
        {read !== null ? (
          <>
            <p>{t.intro.read(read.details.length, list.length)}</p>
            <Messages
              kind="warn"
              messages={read.offList.length > 0 ? [t.intro.notOnList(read.offList)] : null}
            />
            <button
              className="primary"
              disabled={command.busy || read.details.length === 0}
              onClick={() => void saveDetails()}
            >
              {t.intro.saveDetails(read.details.length)}
            </button>
          </>
        ) : null}
        <div className="row">
          <Field label={t.intro.photos}>
            <input
              type="file"
              multiple
              {...FOLDER}
              data-testid="intro-photo-folder"
              onChange={(e) => void readPhotos([...(e.target.files ?? [])])}
            />
          </Field>
          <Field label={t.intro.photosFiles}>
            <input
              type="file"
              multiple
              accept="image/*"
              data-testid="intro-photos"
              onChange={(e) => void readPhotos([...(e.target.files ?? [])])}
            />
          </Field>
        </div>
        {progress !== null ? <p className="muted">{progress}</p> : null}
        <Messages kind="ok" messages={notes} />
        <Messages messages={command.messages} />
      </div>
      <div className="row">
        <button
          className="primary"
          data-testid="intro-present"
          onClick={() => window.open(`#/intro?show=${election.id}`, 'kp-intro')}
        >
          {t.intro.present}
        </button>
        <button onClick={() => void handout()}>{t.intro.handout}</button>
      </div>
      <CandidatesTable election={election} candidates={list} />
    </>
  );
}

function CandidatesTable({
  election,
  candidates,
}: {
  election: ElectionView;
  candidates: readonly CandidateDetailView[];
}) {
  const t = useT();
  const command = useCommand();
  return (
    <div className="card">
      <table className="list intro-table" data-testid="intro-table">
        <TableHead
          number={t.intro.no}
          titles={[
            t.intro.photo,
            t.intro.name,
            t.intro.born,
            t.intro.hometown,
            `${t.intro.position}, ${t.intro.unit.toLowerCase()}`,
            t.intro.education,
          ]}
        />
        <tbody>
          {candidates.map((c) => {
            return (
              <tr key={c.code}>
                <td className="num">{c.no}</td>
                <td>
                  {c.photo === null ? (
                    <span className="muted">{t.intro.noPhoto}</span>
                  ) : (
                    <span className="row small">
                      <Thumb photo={c.photo} name={c.name} />
                      <button
                        onClick={() =>
                          void command.run('setCandidatePhoto', {
                            electionId: election.id,
                            name: c.name,
                            jpeg: null,
                          })
                        }
                      >
                        {t.intro.removePhoto}
                      </button>
                    </span>
                  )}
                </td>
                <td>{c.name}</td>
                <td>{c.birthYear ?? ''}</td>
                <td>{c.hometown ?? ''}</td>
                <td>{[c.position, c.unit].filter((p) => p !== null).join(', ')}</td>
                <td>{c.education ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Messages messages={command.messages} />
    </div>
  );
}

function Thumb({ photo, name }: { photo: { readonly sha256: string }; name: string }) {
  const url = usePhoto(photo);
  return url === null ? (
    <span className="intro-thumb" />
  ) : (
    <img className="intro-thumb" src={url} alt={name} />
  );
}
