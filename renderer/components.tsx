/** Small shared pieces: messages, a confirm dialog, a field, the offline guard's banner. */
import {
  cloneElement,
  useEffect,
  useId,
  useRef,
  useState,
  type FormHTMLAttributes,
  type InputHTMLAttributes,
  type ReactElement,
  type ReactNode,
} from 'react';
import { client } from './client.ts';
import { useT } from './i18n.ts';

export function Messages({
  messages,
  kind = 'error',
}: {
  messages: readonly string[] | null | undefined;
  kind?: 'error' | 'ok' | 'warn';
}) {
  if (!messages || messages.length === 0) return null;
  return (
    <div className={`messages ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {messages.map((m, i) => (
        <div key={i}>{m}</div>
      ))}
    </div>
  );
}

/** A form sent by Enter or its button, in the page: `onSubmit` runs instead of a page load. */
export function Form({
  onSubmit,
  children,
  ...attributes
}: Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit'> & {
  onSubmit: () => unknown;
  children: ReactNode;
}) {
  return (
    <form
      {...attributes}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}

/** An input with no label beside it: its placeholder names it, for screen readers too. */
export function PlaceholderInput({
  label,
  ...attributes
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'aria-label' | 'placeholder'> & { label: string }) {
  return <input aria-label={label} placeholder={label} {...attributes} />;
}

/** A labelled control: the label names it exactly, the hint describes it (for screen readers too). */
export function Field({
  label,
  children,
  hint,
}: {
  label: string;
  children: ReactElement<{ id?: string; 'aria-describedby'?: string }>;
  hint?: string;
}) {
  const id = useId();
  const control = cloneElement(children, {
    id,
    ...(hint ? { 'aria-describedby': `${id}-hint` } : {}),
  });
  return (
    <div className="field">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {control}
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}

/** Where a new file goes: typed, or chosen in the system's save dialog where the host has one. */
export function SavePathField({
  words,
  path,
  onChange,
  suggested,
}: {
  /** The field's label and its example. */
  words: { readonly path: string; readonly pathHint: string };
  path: string;
  onChange: (path: string) => void;
  /** The file name the save dialog proposes. */
  suggested: string;
}) {
  const t = useT();
  return (
    <div className="row">
      <Field label={words.path} hint={words.pathHint}>
        <input value={path} onChange={(e) => onChange(e.target.value)} required />
      </Field>
      {client.canPickFiles ? (
        <button
          type="button"
          onClick={async () => onChange((await client.pickPath('save', suggested)) ?? path)}
        >
          {t.start.browse}
        </button>
      ) : null}
    </div>
  );
}

/** A modal asking for confirmation, or for a required text (a reason), keyboard first. */
export function Ask({
  title,
  text,
  input,
  confirm,
  cancel,
  onDone,
}: {
  title: string;
  text?: string;
  input?: string;
  confirm: string;
  cancel: string;
  onDone: (answer: string | null) => void;
}) {
  const [value, setValue] = useState('');
  const ref = useRef<HTMLInputElement & HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const ready = input === undefined || value.trim() !== '';
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onDone(null)}>
      <div className="modal" role="dialog" aria-label={title}>
        <h2>{title}</h2>
        {text ? <p>{text}</p> : null}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (ready) onDone(value.trim());
          }}
        >
          {input !== undefined ? (
            <Field label={input}>
              <input ref={ref} value={value} onChange={(e) => setValue(e.target.value)} />
            </Field>
          ) : null}
          <div className="row">
            <button
              type="submit"
              className="primary"
              disabled={!ready}
              ref={input === undefined ? ref : undefined}
            >
              {confirm}
            </button>
            <button type="button" onClick={() => onDone(null)}>
              {cancel}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}

/** How often the banner asks the host for the guard's verdict (the host checks every minute). */
const INTERNET_POLL_MS = 20_000;

/**
 * The offline guard's red banner: shown on every screen while the host's computer has a route to
 * the Internet (db/offline-guard.ts). It asks the host itself, so every screen carries it.
 */
export function InternetBanner({ overlay = false }: { overlay?: boolean }) {
  const t = useT();
  const [internet, setInternet] = useState<{ online: boolean; reason: string } | null>(null);
  useEffect(() => {
    let live = true;
    const ask = () =>
      void client.whoami().then((r) => {
        if (live && r.ok) setInternet(r.value.internet ?? null);
      });
    ask();
    const timer = setInterval(ask, INTERNET_POLL_MS);
    const offStatus = client.onStatus((up) => up && ask());
    return () => {
      live = false;
      clearInterval(timer);
      offStatus();
    };
  }, []);
  if (internet?.online !== true) return null;
  return (
    <div
      className="internet-banner"
      role="alert"
      data-testid="internet-banner"
      title={internet.reason}
      style={{
        ...(overlay ? { position: 'fixed', top: 0, left: 0, right: 0, zIndex: 1000 } : {}),
        // Brighter than the top bar's red, between two yellow rules: never taken for part of it.
        background: '#e00000',
        color: 'white',
        fontWeight: 700,
        fontSize: '1.1rem',
        textAlign: 'center',
        padding: '6px 12px',
        borderTop: '4px solid #ffd400',
        borderBottom: '4px solid #ffd400',
      }}
    >
      ⚠ {t.internet.banner}
    </div>
  );
}

/** A list's header row: the rows' number first, then one title a column ('' for none). */
export function TableHead({
  number = '#',
  titles,
}: {
  number?: string;
  titles: readonly string[];
}) {
  return (
    <thead>
      <tr>
        <th className="num">{number}</th>
        {titles.map((title, i) => (
          <th key={i}>{title}</th>
        ))}
      </tr>
    </thead>
  );
}
