/** The vocabulary of rules.md as closed lists; every other module takes its codes from here. */

export const RULE_SETS = ['party', 'valid-ballots', 'collected-ballots'] as const;
export type RuleSet = (typeof RULE_SETS)[number];

export const LAYOUTS = ['strike', 'approve'] as const;
export type Layout = (typeof LAYOUTS)[number];

export const CONGRESS_KINDS = ['delegates', 'members'] as const;
export type CongressKind = (typeof CONGRESS_KINDS)[number];

export const ELECTION_KINDS = [
  'committee',
  'standing-committee',
  'secretary',
  'deputy-secretary',
  'inspection-committee',
  'inspection-chair',
  'official-delegates',
  'alternate-delegates',
  'other',
] as const;
export type ElectionKind = (typeof ELECTION_KINDS)[number];

/** Elections held at the new committee's first conference, whose base is that body's membership. */
export const CONFERENCE_KINDS: readonly ElectionKind[] = [
  'standing-committee',
  'secretary',
  'deputy-secretary',
  'inspection-committee',
  'inspection-chair',
];

/** Elections whose list must respect the surplus limit (rules.md, "Surplus check"). */
export const SURPLUS_CHECKED_KINDS: readonly ElectionKind[] = ['committee', 'standing-committee'];

/** Invalid ballots decided by the engine from the marks. */
export const ENGINE_INVALID_CODES = ['over-vote', 'all-struck', 'no-choice'] as const;
export type EngineInvalidCode = (typeof ENGINE_INVALID_CODES)[number];

/** Invalid ballots decided by the counting committee from the paper. */
export const COMMITTEE_INVALID_CODES = ['not-issued', 'added-name', 'marked', 'other'] as const;
export type CommitteeInvalidCode = (typeof COMMITTEE_INVALID_CODES)[number];

/** Every invalid code, in the order the result and the minutes list them. */
export const INVALID_CODES = [...ENGINE_INVALID_CODES, ...COMMITTEE_INVALID_CODES] as const;
export type InvalidCode = (typeof INVALID_CODES)[number];

export const MARKS = ['agree', 'disagree', 'both', 'none'] as const;
export type Mark = (typeof MARKS)[number];

export const EXCLUSION_CATEGORIES = {
  delegates: ['committee-absent', 'delegate-absent-no-alternate'],
  members: ['transferred', 'exempt-absent', 'suspended', 'absent-with-reason'],
  conference: ['member-absent'],
} as const;
export type ExclusionCategory =
  | (typeof EXCLUSION_CATEGORIES.delegates)[number]
  | (typeof EXCLUSION_CATEGORIES.members)[number]
  | (typeof EXCLUSION_CATEGORIES.conference)[number];
export const ALL_EXCLUSION_CATEGORIES: readonly ExclusionCategory[] = [
  ...EXCLUSION_CATEGORIES.delegates,
  ...EXCLUSION_CATEGORIES.members,
  ...EXCLUSION_CATEGORIES.conference,
];

/** Exclusion categories a record may use, by congress kind and election kind. */
export function allowedExclusions(
  congressKind: CongressKind,
  electionKind: ElectionKind,
): readonly ExclusionCategory[] {
  const own: readonly ExclusionCategory[] = EXCLUSION_CATEGORIES[congressKind];
  return CONFERENCE_KINDS.includes(electionKind)
    ? [...own, ...EXCLUSION_CATEGORIES.conference]
    : own;
}

export const WARNING_CODES = [
  'base-override',
  'surplus-over-limit',
  'no-surplus',
  'approve-with-surplus',
  'issued-exceeds-present',
  'collected-exceeds-issued',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];
