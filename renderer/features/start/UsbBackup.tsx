/**
 * "Sao lưu ra USB": a consistent copy of the open file into a folder the operator chooses (a USB
 * drive), checked before it is reported done. Copying the file by hand while the app runs can
 * miss the latest ballots; this cannot.
 */
import { useState } from 'react';
import { client } from '../../client.ts';
import { Field, Form, Messages } from '../../components.tsx';
import { useT } from '../../i18n.ts';
import { useCommand } from '../../use-command.ts';

export function UsbBackup() {
  const t = useT();
  const [folder, setFolder] = useState('');
  const command = useCommand();
  const [done, setDone] = useState<string | null>(null);

  const copy = async (to: string) => {
    setDone(null);
    const r = await command.follow(() => client.file('backupTo', { folder: to }));
    if (r.ok) setDone(t.start.usbDone(r.value.path, r.value.head.slice(0, 16)));
  };

  return (
    <Form className="card" data-testid="usb-backup" onSubmit={() => copy(folder)}>
      <h2>{t.start.usbTitle}</h2>
      <p className="muted">{t.start.usbHelp}</p>
      {client.canPickFiles ? (
        <button
          type="button"
          disabled={command.busy}
          onClick={async () => {
            const picked = await client.pickFolder();
            if (picked !== null) await copy(picked);
          }}
        >
          {t.start.usbChoose}
        </button>
      ) : (
        <div className="row">
          <Field label={t.start.usbFolder}>
            <input value={folder} onChange={(e) => setFolder(e.target.value)} required />
          </Field>
          <button type="submit" disabled={command.busy}>
            {command.busy ? t.common.loading : t.start.usbCopy}
          </button>
        </div>
      )}
      <Messages messages={command.messages} />
      {done === null ? null : <Messages kind="ok" messages={[done]} />}
    </Form>
  );
}
