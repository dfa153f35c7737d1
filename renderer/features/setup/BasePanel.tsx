/**
 * A base: convened, the exclusions by category, a presidium override with its note. Without an
 * election, the congress's base; with one, that election's own (a conference election's base is
 * the new committee's membership, offered from the committee elections' results).
 */
import { useEffect, useState } from 'react';
import { allowedExclusions, EXCLUSION_CATEGORIES } from '../../../core/codes.ts';
import type { ElectionView } from '../../../core/views.ts';
import { Field, Form, Messages } from '../../components.tsx';
import { useQuery } from '../../use-query.ts';
import { useCommand } from '../../use-command.ts';
import { useT } from '../../i18n.ts';
import { useApp } from '../../store.ts';
import { isConferenceKind } from './conference-base.ts';
import { useCommitteeSize } from './use-committee-size.ts';

interface BaseForm {
  convened: string;
  present: string;
  counts: Record<string, string>;
  override: { on: boolean; base: string; note: string };
}

const EMPTY: BaseForm = {
  convened: '',
  present: '',
  counts: {},
  override: { on: false, base: '', note: '' },
};

const text = (n: number | null | undefined): string =>
  n === null || n === undefined ? '' : String(n);

export function BasePanel({ election }: { election?: ElectionView }) {
  const t = useT();
  const file = useApp((s) => s.file);
  const electionId = election?.id;
  const conference = election !== undefined && isConferenceKind(election.kind);
  const { data: base } = useQuery('base', electionId === undefined ? {} : { electionId });
  const { data: delegates } = useQuery('delegates', {});
  const committeeSize = useCommitteeSize();
  const [form, setForm] = useState<BaseForm>(EMPTY);
  const command = useCommand();
  // The election has no base of its own yet: the form offers one, nothing is saved until asked.
  const inherited = electionId !== undefined && base?.scope === 'congress';

  useEffect(() => {
    if (base === undefined) return;
    if (base === null || (inherited && conference)) {
      if (conference) return setForm({ ...EMPTY, convened: text(committeeSize) });
      const officials = (delegates ?? []).filter((d) => d.status === 'official');
      const here = officials.filter((d) => d.attendance === 'present').length;
      return setForm({
        ...EMPTY,
        convened: officials.length > 0 ? String(officials.length) : '',
        present: here > 0 ? String(here) : '',
      });
    }
    setForm({
      convened: String(base.convened),
      present: text(base.present),
      counts: Object.fromEntries(base.exclusions.map((x) => [x.category, String(x.count)])),
      override: base.override
        ? { on: true, base: String(base.override.base), note: base.override.note }
        : { on: false, base: '', note: '' },
    });
  }, [base, delegates, committeeSize, inherited, conference]);

  // A conference's base is the new committee: only its own members' absences are taken off.
  const categories = conference
    ? EXCLUSION_CATEGORIES.conference
    : allowedExclusions(file?.congress?.kind ?? 'delegates', election?.kind ?? 'committee');
  const exclusions = categories
    .map((category) => ({ category, count: Number(form.counts[category] ?? 0) || 0 }))
    .filter((x) => x.count > 0);
  const computed = (Number(form.convened) || 0) - exclusions.reduce((s, x) => s + x.count, 0);
  const effective =
    form.override.on && Number(form.override.base) > 0 ? Number(form.override.base) : computed;
  const { override } = form;

  return (
    <Form
      className={`card panel base-panel ${election ? 'election-base' : ''}`}
      aria-label={election ? `${t.setup.ownBase}: ${election.title}` : t.setup.tabs.base}
      onSubmit={() =>
        command.run('setBase', {
          ...(electionId === undefined ? {} : { electionId }),
          convened: Number(form.convened),
          present: form.present === '' ? null : Number(form.present),
          exclusions,
          override: override.on ? { base: Number(override.base), note: override.note } : null,
        })
      }
    >
      {conference ? <p className="muted">{t.setup.conferenceBase}</p> : null}
      {conference && committeeSize !== null ? (
        <p className="muted">{t.setup.conferenceDefault(committeeSize)}</p>
      ) : null}
      {inherited ? (
        <Messages
          kind="warn"
          messages={[conference ? t.setup.conferenceNoBase : t.setup.usesCongressBase]}
        />
      ) : null}
      <div className="row">
        <Field label={t.setup.convened}>
          <input
            inputMode="numeric"
            value={form.convened}
            onChange={(e) => setForm({ ...form, convened: e.target.value })}
            required
          />
        </Field>
        <Field label={t.setup.present_}>
          <input
            inputMode="numeric"
            value={form.present}
            onChange={(e) => setForm({ ...form, present: e.target.value })}
          />
        </Field>
      </div>
      <h3>{t.setup.exclusions}</h3>
      {categories.map((c) => (
        <Field key={c} label={t.exclusionLabels[c] ?? c}>
          <input
            inputMode="numeric"
            value={form.counts[c] ?? ''}
            onChange={(e) => setForm({ ...form, counts: { ...form.counts, [c]: e.target.value } })}
          />
        </Field>
      ))}
      <label className="check">
        <input
          type="checkbox"
          checked={override.on}
          onChange={(e) => setForm({ ...form, override: { ...override, on: e.target.checked } })}
        />
        {t.setup.override}
      </label>
      {override.on ? (
        <div className="row">
          <Field label={t.results.base}>
            <input
              inputMode="numeric"
              value={override.base}
              onChange={(e) =>
                setForm({ ...form, override: { ...override, base: e.target.value } })
              }
            />
          </Field>
          <Field label={t.setup.overrideNote}>
            <input
              value={override.note}
              onChange={(e) =>
                setForm({ ...form, override: { ...override, note: e.target.value } })
              }
            />
          </Field>
        </div>
      ) : null}
      <p className="big">
        {t.setup.computedBase(effective)} — {t.setup.threshold(Math.floor(effective / 2) + 1)}
      </p>
      <button className="primary" disabled={command.busy}>
        {election ? t.setup.setOwnBase : t.common.save}
      </button>
      {command.done ? <Messages kind="ok" messages={[t.common.saved]} /> : null}
      <Messages messages={command.messages} />
    </Form>
  );
}
