/** The base: convened, the exclusions by category, a presidium override with its note. */
import { useEffect, useState } from 'react';
import { allowedExclusions } from '../../../core/codes.ts';
import { Field, Messages } from '../../components.tsx';
import { useQuery } from '../../hooks.ts';
import { useT } from '../../i18n.ts';
import { useApp } from '../../store.ts';
import { run } from '../Setup.tsx';

export function BasePanel() {
  const t = useT();
  const file = useApp((s) => s.file);
  const { data: base } = useQuery('base', {});
  const { data: delegates } = useQuery('delegates', {});
  const [convened, setConvened] = useState('');
  const [present, setPresent] = useState('');
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [override, setOverride] = useState({ on: false, base: '', note: '' });
  const [messages, setMessages] = useState<readonly string[] | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (base === undefined) return;
    if (base === null) {
      const officials = (delegates ?? []).filter((d) => d.status === 'official');
      setConvened(officials.length > 0 ? String(officials.length) : '');
      const here = officials.filter((d) => d.attendance === 'present').length;
      setPresent(here > 0 ? String(here) : '');
      return;
    }
    setConvened(String(base.convened));
    setPresent(base.present === null ? '' : String(base.present));
    setCounts(Object.fromEntries(base.exclusions.map((x) => [x.category, String(x.count)])));
    setOverride(
      base.override
        ? { on: true, base: String(base.override.base), note: base.override.note }
        : { on: false, base: '', note: '' },
    );
  }, [base, delegates]);

  const categories = allowedExclusions(file?.congress?.kind ?? 'delegates', 'committee');
  const exclusions = categories
    .map((category) => ({ category, count: Number(counts[category] ?? 0) || 0 }))
    .filter((x) => x.count > 0);
  const computed = (Number(convened) || 0) - exclusions.reduce((s, x) => s + x.count, 0);
  const effective = override.on && Number(override.base) > 0 ? Number(override.base) : computed;

  const save = async () => {
    const m = await run('setBase', {
      convened: Number(convened),
      present: present === '' ? null : Number(present),
      exclusions,
      override: override.on ? { base: Number(override.base), note: override.note } : null,
    });
    setMessages(m);
    setSaved(m === null);
  };

  return (
    <form
      className="card panel"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="row">
        <Field label={t.setup.convened}>
          <input
            inputMode="numeric"
            value={convened}
            onChange={(e) => setConvened(e.target.value)}
            required
          />
        </Field>
        <Field label={t.setup.present_}>
          <input inputMode="numeric" value={present} onChange={(e) => setPresent(e.target.value)} />
        </Field>
      </div>
      <h3>{t.setup.exclusions}</h3>
      {categories.map((c) => (
        <Field key={c} label={t.exclusionLabels[c] ?? c}>
          <input
            inputMode="numeric"
            value={counts[c] ?? ''}
            onChange={(e) => setCounts({ ...counts, [c]: e.target.value })}
          />
        </Field>
      ))}
      <label className="check">
        <input
          type="checkbox"
          checked={override.on}
          onChange={(e) => setOverride({ ...override, on: e.target.checked })}
        />
        {t.setup.override}
      </label>
      {override.on ? (
        <div className="row">
          <Field label={t.results.base}>
            <input
              inputMode="numeric"
              value={override.base}
              onChange={(e) => setOverride({ ...override, base: e.target.value })}
            />
          </Field>
          <Field label={t.setup.overrideNote}>
            <input
              value={override.note}
              onChange={(e) => setOverride({ ...override, note: e.target.value })}
            />
          </Field>
        </div>
      ) : null}
      <p className="big">
        {t.setup.computedBase(effective)} — {t.setup.threshold(Math.floor(effective / 2) + 1)}
      </p>
      <button className="primary">{t.common.save}</button>
      {saved ? <Messages kind="ok" messages={[t.common.saved]} /> : null}
      <Messages messages={messages} />
    </form>
  );
}
