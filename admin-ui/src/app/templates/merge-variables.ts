/** The merge variables the picker offers, by group; a chip inserts the Liquid the server renders. */
export type VariableGroup = 'person' | 'company' | 'our_contact' | 'links';

export interface PickerVariable {
  group: VariableGroup;
  path: string;
}

export const PICKER_VARIABLES: readonly PickerVariable[] = [
  { group: 'person', path: 'person.first_name' },
  { group: 'person', path: 'person.last_name' },
  { group: 'person', path: 'person.full_name' },
  { group: 'person', path: 'person.email' },
  { group: 'company', path: 'company.name' },
  { group: 'our_contact', path: 'our_contact.name' },
  { group: 'our_contact', path: 'our_contact.email' },
  { group: 'our_contact', path: 'our_contact.mobile' },
  { group: 'links', path: 'unsubscribe_url' },
];

export const VARIABLE_GROUPS: readonly VariableGroup[] = ['person', 'company', 'our_contact', 'links'];

/** The class of a variable in a designed e-mail: shown as a chip in the designer, plain text in the e-mail. */
export const CHIP_CLASS = 'merge-variable';

/** The Liquid for a variable in plain text (an SMS, a subject). */
export function liquidOf(path: string): string {
  return `{{ ${path} }}`;
}

/** What a chip puts in a designed e-mail: the variable in a chip, or for the unsubscribe link a link with its text. */
export function variableHtml(path: string, unsubscribeText: string): string {
  if (path === 'unsubscribe_url') return `<a href="${liquidOf(path)}">${unsubscribeText}</a>`;
  return `<span class="${CHIP_CLASS}">${liquidOf(path)}</span>`;
}
