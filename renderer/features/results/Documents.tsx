/**
 * The documents of an election, one action each: preview and print, save, sign the minutes with
 * the user's certificate. A copy of every document is kept beside the congress file.
 */
import { useState } from 'react';
import type { ElectionView } from '../../../core/views.ts';
import { fileToBase64 } from '../../files.ts';
import { client } from '../../client.ts';
import { Field, Messages } from '../../components.tsx';
import { useT } from '../../i18n.ts';
import type { DocumentKind, MadeDocumentView } from '../../../core/protocol/index.ts';

type Made = MadeDocumentView;
type Kind = DocumentKind;

function blobOf(made: Made): Blob {
  const binary = atob(made.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: made.mime });
}

export function download(made: Made): void {
  const url = URL.createObjectURL(blobOf(made));
  const a = document.createElement('a');
  a.href = url;
  a.download = made.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function Documents({ election }: { election: ElectionView }) {
  const t = useT();
  const [paper, setPaper] = useState<'A4' | 'A5'>('A4');
  const [preview, setPreview] = useState<{ url: string; name: string } | null>(null);
  const [messages, setMessages] = useState<readonly string[] | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [p12, setP12] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);

  const make = async (kind: Kind, extra: Record<string, unknown> = {}): Promise<Made | null> => {
    setBusy(true);
    const r = await client.document(kind, { electionId: election.id, paper, ...extra });
    setBusy(false);
    if (!r.ok) {
      setMessages(r.messages);
      return null;
    }
    setMessages(null);
    setSaved(r.value.savedTo);
    return r.value;
  };
  const show = async (kind: Kind) => {
    const made = await make(kind);
    if (made) setPreview({ url: URL.createObjectURL(blobOf(made)), name: made.fileName });
  };
  const save = async (kind: Kind) => {
    const made = await make(kind);
    if (made) download(made);
  };
  const sign = async () => {
    if (!p12) return;
    const made = await make('minutes', {
      sign: { p12Base64: await fileToBase64(p12), passphrase },
    });
    setPassphrase('');
    if (made) {
      download(made);
      setPreview({ url: URL.createObjectURL(blobOf(made)), name: made.fileName });
    }
  };

  return (
    <div className="card documents" data-testid="documents">
      <h2>{t.docs.title}</h2>
      <div className="doc-grid">
        <div>
          <h3>{t.docs.minutes}</h3>
          <div className="row">
            <button onClick={() => void show('minutes')}>{t.docs.preview}</button>
            <button className="primary" onClick={() => void save('minutes')}>
              {t.docs.save} PDF
            </button>
          </div>
          <div className="row">
            <button onClick={() => void show('announcement')}>{t.docs.announcement}</button>
          </div>
        </div>
        <div>
          <h3>{t.docs.sign}</h3>
          <Field label={t.docs.certificate}>
            <input
              type="file"
              accept=".p12,.pfx"
              onChange={(e) => setP12(e.target.files?.[0] ?? null)}
            />
          </Field>
          <Field label={t.docs.password}>
            <input
              type="password"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              autoComplete="off"
            />
          </Field>
          <button className="primary" disabled={p12 === null || busy} onClick={() => void sign()}>
            {t.docs.signMinutes}
          </button>
        </div>
        <div>
          <h3>{t.docs.ballot}</h3>
          <div className="row">
            <select
              aria-label={t.docs.paper}
              value={paper}
              onChange={(e) => setPaper(e.target.value as 'A4' | 'A5')}
            >
              <option value="A4">A4</option>
              <option value="A5">A5</option>
            </select>
            <button onClick={() => void show('ballot')}>{t.docs.preview}</button>
            <button onClick={() => void save('ballot')}>{t.docs.saveBallot}</button>
          </div>
        </div>
        <div>
          <h3>{t.docs.data}</h3>
          <div className="row">
            <button onClick={() => void save('results-xlsx')}>{t.docs.resultsXlsx}</button>
            <button onClick={() => void save('ballots-xlsx')}>{t.docs.ballotsXlsx}</button>
            <button onClick={() => void save('congress-xlsx')}>{t.docs.congressXlsx}</button>
            <button onClick={() => void save('record')}>{t.docs.record}</button>
          </div>
        </div>
      </div>
      {busy ? <p className="muted">{t.common.loading}</p> : null}
      <Messages messages={messages} />
      {saved ? <Messages kind="ok" messages={[t.docs.savedTo(saved)]} /> : null}
      {preview ? (
        <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && setPreview(null)}>
          <div className="modal preview-modal" role="dialog" aria-label={preview.name}>
            <div className="row">
              <strong>{preview.name}</strong>
              <button
                onClick={() =>
                  (
                    document.getElementById('pdf-preview') as HTMLIFrameElement | null
                  )?.contentWindow?.print()
                }
              >
                {t.docs.print}
              </button>
              <button autoFocus onClick={() => setPreview(null)}>
                {t.common.close}
              </button>
            </div>
            <iframe id="pdf-preview" title={preview.name} src={preview.url} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
