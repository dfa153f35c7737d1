/** The congress's details as a form: used to create a file and to edit it later. */
import { Field } from '../../components.tsx';
import { useT } from '../../i18n.ts';
import type { CongressDetails } from '../../../core/api.ts';

export interface CongressForm {
  name: string;
  organisation: string;
  kind: string;
  rules: string;
  term: string;
  place: string;
  /** As typed, dd/mm/yyyy. */
  dateStart: string;
}

export const EMPTY_CONGRESS: CongressForm = {
  name: '',
  organisation: '',
  kind: 'delegates',
  rules: 'party',
  term: '',
  place: '',
  dateStart: '',
};

export const formOf = (c: CongressDetails): CongressForm => ({
  name: c.name,
  organisation: c.organisation,
  kind: c.kind,
  rules: c.rules,
  term: c.term ?? '',
  place: c.place ?? '',
  dateStart: c.dateStart ? c.dateStart.split('-').reverse().join('/') : '',
});

/** The service's input: dates typed the Vietnamese way (dd/mm/yyyy) become ISO, blanks are left out. */
export function detailsOf(form: CongressForm): Partial<Record<keyof CongressForm, string>> {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u.exec(form.dateStart.trim());
  const dateStart = m
    ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`
    : form.dateStart.trim();
  return Object.fromEntries(Object.entries({ ...form, dateStart }).filter(([, v]) => v !== ''));
}

export function CongressFields({
  form,
  onChange,
}: {
  form: CongressForm;
  onChange: (form: CongressForm) => void;
}) {
  const t = useT();
  const set = (k: keyof CongressForm) => (e: { target: { value: string } }) =>
    onChange({ ...form, [k]: e.target.value });
  return (
    <>
      <Field label={t.start.name}>
        <input value={form.name} onChange={set('name')} required />
      </Field>
      <Field label={t.start.organisation}>
        <input value={form.organisation} onChange={set('organisation')} required />
      </Field>
      <div className="row">
        <Field label={t.start.kind}>
          <select value={form.kind} onChange={set('kind')}>
            <option value="delegates">{t.start.kindDelegates}</option>
            <option value="members">{t.start.kindMembers}</option>
          </select>
        </Field>
        <Field label={t.start.rules}>
          <select value={form.rules} onChange={set('rules')}>
            <option value="party">{t.start.rulesParty}</option>
            <option value="valid-ballots">{t.start.rulesValid}</option>
            <option value="collected-ballots">{t.start.rulesCollected}</option>
          </select>
        </Field>
      </div>
      <div className="row">
        <Field label={t.start.term}>
          <input value={form.term} onChange={set('term')} placeholder="2025–2030" />
        </Field>
        <Field label={t.start.place}>
          <input value={form.place} onChange={set('place')} />
        </Field>
        <Field label={t.start.dateStart}>
          <input value={form.dateStart} onChange={set('dateStart')} placeholder="dd/mm/yyyy" />
        </Field>
      </div>
    </>
  );
}
