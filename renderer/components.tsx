/** Small shared pieces: messages, a confirm dialog, a field. */
import { cloneElement, useEffect, useId, useRef, useState, type ReactElement } from 'react';

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
