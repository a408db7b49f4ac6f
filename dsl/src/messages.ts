// The texts of diagnostics, keyed by code, in Dutch (the default) and English. A diagnostic carries
// its code and params; its message is rendered from them in the language asked for.

import { ADDRESS_PROBLEMS, type AddressProblem } from './address-problems.js';
import { POLICY_EN, POLICY_NL, POLICY_NL_PHRASES } from './policy-messages.js';

export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];

export type ParamValue = string | number | readonly string[];
export type Params = Readonly<Record<string, ParamValue>>;

const DUTCH_ADDRESS_PROBLEMS: Record<AddressProblem, string> = {
  email_control: 'een e-mailadres heeft geen regeleinden of andere stuurtekens',
  not_email: 'geen e-mailadres (zoals naam@voorbeeld.nl)',
  address_alone: 'geef alleen het adres (zoals naam@voorbeeld.nl), zonder naam of haakjes',
  phone_control: 'een telefoonnummer heeft geen regeleinden of andere stuurtekens',
  not_phone: 'geen telefoonnummer in internationale vorm (zoals +31612345678)',
};

type Render = (p: Params, t: (phrase: string) => string) => string;

const s = (value: ParamValue | undefined): string => (value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value));

const arr = (value: ParamValue | undefined): readonly string[] => (Array.isArray(value) ? value : value === undefined ? [] : [String(value)]);

/** `a, b or c` / `a, b of c`; a long list is cut after eight. */
function listIn(lang: Language, words: readonly string[]): string {
  const unique = [...new Set(words)];
  const shown = unique.length > 8 ? [...unique.slice(0, 8), '…'] : unique;
  if (shown.length <= 1) return shown[0] ?? '';
  return `${shown.slice(0, -1).join(', ')} ${lang === 'nl' ? 'of' : 'or'} ${shown.at(-1)}`;
}

const en: Record<string, Render> = {
  // Reading the text
  'unexpected-character': (p) => `unexpected character${p['count'] === 1 ? '' : 's'} ${JSON.stringify(s(p['found']))}`,
  'unclosed-text': () => 'this text has no closing quote',
  'unclosed-script': () => 'this script has no closing """',
  'unclosed-block': () => 'this block opened here is not closed: a } is missing',
  'too-deep': (p) => `blocks and parentheses nest deeper than ${s(p['max'])} levels`,
  'too-deep-condition': (p) => `conditions nest deeper than ${s(p['max'])} levels`,
  'too-many-problems': (p) => `too many problems; only the first ${s(p['count'])} are shown`,
  'internal-error': (p) => `internal error while reading the text: ${s(p['detail'])}`,
  'unexpected-token': (p, t) => `expected ${listIn('en', arr(p['expected']).map(t))}${p['after'] !== undefined ? ` after '${s(p['after'])}'` : ''}, found ${p['found'] !== undefined ? `'${s(p['found'])}'` : 'the end of the text'}`,
  'unexpected-end': (p, t) => en['unexpected-token']!(p, t),
  'unexpected-close': () => "unexpected '}': there is no block to close",
  'expected-declaration': (p) => `unexpected ${p['found'] !== undefined ? `'${s(p['found'])}'` : 'the end of the text'}; expected a workflow or a flow`,
  // Parts of the language
  'number-too-large': (p) => `the number ${s(p['number'])} is too large`,
  'not-whole-number': (p, t) => `expected a whole number of ${t(s(p['what']))}, found ${s(p['found'])}`,
  'role-not-allowed': (p, t) => `${t(s(p['where']))} takes ${listIn('en', [...arr(p['allowed']), t(s(p['address']))])}, not ${s(p['role'])}`,
  'unknown-record-type': (p) => `unknown record type '${s(p['name'])}'; expected ${s(p['expected'])}`,
  'given-twice': (p, t) => `${t(s(p['what']))} is given twice`,
  'flow-send-recipient': () => "a flow's messages go to the participant; use 'notify' to write to someone else",
  'no-mobile-not-sms': () => "'if no mobile' applies to an SMS",
  'distribute-both': () => 'distribute among employees or to a group, not both',
  'distribute-missing-pool': () => 'say among whom to distribute: among "<e-mail>", … or group "<name>"',
  'notify-missing-recipient': () => "say whom to notify, as in 'to our_contact'",
  'notify-email-text': () => 'notify email sends a template or a subject and text of its own, not both',
  'notify-email-missing-template': () => 'notify email needs a template (template "<key>") or a subject and text (subject "<subject>" "<text>")',
  'notify-email-missing-subject': () => 'notify email with a text of its own needs a subject: subject "<subject>"',
  'notify-email-missing-text': () => 'notify email with a subject needs the text of the message in quotes',
  'notify-email-from': () => "an e-mail goes out from the flow's sender; 'from' is for SMS",
  'notify-sms-subject': () => 'an SMS has no subject',
  'notify-sms-template': () => 'notify sms sends the text given in quotes, not a template',
  'notify-sms-missing-text': () => 'notify sms needs the text of the message in quotes',
  'unknown-create-setting': (p) => `'${s(p['keyword'])}' is not a setting of create ${s(p['record'])}${p['record'] === 'sale' && p['keyword'] === 'after' ? "; write 'date after …'" : ''}`,
  'missing-create-setting': (p, t) => `create ${s(p['record'])} needs ${t(s(p['what']))}`,
  'success-created': () => "success counts 'sale created', 'follow_up created' or 'request created'",
  'duplicate-flow-setting': (p) => `the flow already has a ${s(p['setting'])} setting`,
  'unknown-day': (p) => `expected a day (${s(p['days'])}), found '${s(p['found'])}'`,
  'bad-time': (p) => `'${s(p['time'])}' is not a time of day`,
  'send-window-order': () => 'the send window closes before it opens',
  'bad-date-time': () => 'expected a date and time such as "2026-12-01T09:00"',
  'others-order': () => "'others' comes after the last branch",
  'reminder-every': () => 'reminders repeat every 1 day or more',
  'reminder-count': () => 'a reminder is sent at most 1 time or more',
  'duplicate-when': () => "a workflow has one 'when'; join the conditions with 'and'",
  'remind-without-send': () => "'remind' repeats the send before it, but there is none",
  'duplicate-reminder': () => 'this send already has a reminder',
  'duplicate-trigger': () => 'a workflow has one trigger; this is a second one',
  'missing-trigger': () => "a workflow needs a trigger, as in 'on person created'",
  'bad-trigger-path': (p) => `expected a record type or record.field, found '${s(p['found'])}'`,
  'missing-trigger-field': (p) => `say which field changes, as in 'on ${s(p['entity'])}.status changed'`,
  'event-on-field': (p) => `'${s(p['event'])}' follows a record type, as in 'on ${s(p['entity'])} ${s(p['event'])}'; only 'changed' follows a field`,
  'task-only-event': (p) => `only tasks are ${s(p['event'])}; write 'on task ${s(p['event'])}'`,
  'workflow-subject': () => "a workflow's e-mail takes its subject from the template",
  'flows-only': (p) => `'${s(p['what'])}' is only available in flows`,
  'missing-recipient': () => "say who receives the e-mail, as in 'to person'",
  'duplicate-recipient': () => 'the e-mail already has a recipient',
  'workflow-sms-recipient': () => "a workflow's SMS goes to the record's person; 'to' is not available",
  // The checker
  'invalid-email-address': (p) => `${JSON.stringify(s(p['address']))}: ${ADDRESS_PROBLEMS[p['reason'] as AddressProblem] ?? s(p['reason'])}`,
  'invalid-phone-number': (p) => `${JSON.stringify(s(p['address']))}: ${ADDRESS_PROBLEMS[p['reason'] as AddressProblem] ?? s(p['reason'])}`,
  'unknown-template': (p) => `unknown template "${s(p['name'])}"`,
  'template-channel': (p) => `"${s(p['name'])}" is ${p['channel'] === 'email' ? 'an SMS' : 'an e-mail'} template; this step sends ${p['channel'] === 'email' ? 'an e-mail' : 'an SMS'}`,
  'missing-record': (p, t) => p['variant'] === 'behaviour'
    ? `${s(p['path'])} is behaviour in this flow: only a split's branches can use it`
    : p['variant'] === 'field'
      ? `${s(p['path'])} is not available: ${t(s(p['about']))} has no ${s(p['record'])}`
      : `${t(s(p['what']))} uses ${s(p['path'])}, but ${t(s(p['about']))} has no ${s(p['record'])}`,
  'recipient': (p, t) => `${t(s(p['about']))} has no ${s(p['role'])} to send to`,
  'reminder-without-status': () => 'reminders repeat while the record keeps the value it changed to; this trigger is not a field change',
  'unknown-record': (p) => `unknown record '${s(p['record'])}' in ${s(p['path'])}`,
  'unknown-field': (p) => `unknown field '${s(p['field'])}' of ${s(p['record'])}`,
  'type-mismatch': (p, t) => typeMismatch['en'](p, t),
  'unknown-status': (p) => `unknown ${s(p['kind'])} status "${s(p['name'])}"`,
  'unknown-task-type': (p) => `unknown task type "${s(p['name'])}"`,
  'duplicate-label': (p) => `the label '${s(p['label'])}' is used twice`,
  'no-trigger': () => "the flow has no trigger; add 'trigger manual' to enrol persons by hand",
  'unknown-timezone': (p) => `unknown time zone "${s(p['name'])}"`,
  'unknown-form': (p) => `unknown form "${s(p['name'])}"`,
  'unknown-selection': (p) => `unknown selection "${s(p['name'])}"`,
  'unknown-project': (p) => `unknown project "${s(p['name'])}"`,
  'unknown-flow': (p) => `unknown flow "${s(p['name'])}"`,
  'unknown-group': (p) => `unknown group "${s(p['name'])}"`,
  'unknown-employee': (p) => `no employee has the e-mail address "${s(p['name'])}"`,
  'unknown-label': (p) => `no step is labelled '${s(p['name'])}'`,
  'not-an-email-step': (p) => `'${s(p['label'])}' labels a ${s(p['kind'])} step, not an e-mail step`,
  'unreachable': (p) => `this step is never reached: the ${s(p['ending'])} step before it ends the flow`,
  'duplicate-branch': (p) => `the split already has a branch "${s(p['name'])}"`,
  'missing-sender': () => "this e-mail step needs the flow's sender: sender \"Name <address>\"",
  'missing-reply-to': () => "this e-mail step needs the flow's reply_to address",
  'missing-sms-sender': () => "this SMS step needs the flow's sms_sender",
  ...POLICY_EN,
  'invalid-sms-sender': (p) => `${JSON.stringify(s(p['sender']))} is not an SMS sender: up to 11 letters and digits, or a phone number in international form (+31612345678)`,
  'unknown-file': (p) => `unknown attachment "${s(p['name'])}": upload it under Files first`,
  'attachments-too-large': (p) => `the attachments of this step are ${s(p['size'])} MB together; at most ${s(p['max'])} MB`,
  // Date triggers, exit rules, re-entry and webhooks
  'date-trigger-field': (p) => `${s(p['path'])} is not a date field; a date trigger needs one (e.g. person.extra.contract_end)`,
  'restart-and-once': () => "a flow is either 'once per person' or 'restart after <n> days', not both",
  'restart-days': () => "'restart after' needs 1 day or more",
  'yearly-once': () => "a yearly trigger enrols a person every year, but 'once per person' admits them only once",
  'webhook-url': () => 'a webhook address starts with https:// (or http:// for an address WEBHOOK_ALLOW_PRIVATE names), as in "https://example.nl/hook"',
  'webhook-body-json': (p) => `the body is not JSON: ${s(p['detail'])}`,
  'webhook-get-body': () => 'a GET request has no body; use POST or PUT',
  'webhook-header-name': (p) => `"${s(p['name'])}" cannot be a header of the webhook`,
  'webhook-timeout': () => 'a webhook waits 1 to 30000 ms',
  'unknown-secret': (p) => `no secret is named "${s(p['name'])}" (WEBHOOK_SECRETS)`,
  'not-a-webhook-step': (p) => `no webhook step is labelled '${s(p['name'])}'`,
};

const nl: Record<string, Render> = {
  'unexpected-character': (p) => `onverwacht${p['count'] === 1 ? ' teken' : 'e tekens'} ${JSON.stringify(s(p['found']))}`,
  'unclosed-text': () => 'deze tekst heeft geen sluitend aanhalingsteken',
  'unclosed-script': () => 'dit script heeft geen sluitende """',
  'unclosed-block': () => 'dit blok, hier geopend, wordt niet gesloten: er ontbreekt een }',
  'too-deep': (p) => `blokken en haakjes zijn dieper genest dan ${s(p['max'])} niveaus`,
  'too-deep-condition': (p) => `voorwaarden zijn dieper genest dan ${s(p['max'])} niveaus`,
  'too-many-problems': (p) => `te veel problemen; alleen de eerste ${s(p['count'])} worden getoond`,
  'internal-error': (p) => `interne fout bij het lezen van de tekst: ${s(p['detail'])}`,
  'unexpected-token': (p, t) => `${listIn('nl', arr(p['expected']).map(t))} verwacht${p['after'] !== undefined ? ` na '${s(p['after'])}'` : ''}, maar ${p['found'] !== undefined ? `'${s(p['found'])}'` : 'het einde van de tekst'} gevonden`,
  'unexpected-end': (p, t) => nl['unexpected-token']!(p, t),
  'unexpected-close': () => "onverwachte '}': er is geen blok om te sluiten",
  'expected-declaration': (p) => `onverwacht ${p['found'] !== undefined ? `'${s(p['found'])}'` : 'einde van de tekst'}; een workflow of een flow verwacht`,
  'number-too-large': (p) => `het getal ${s(p['number'])} is te groot`,
  'not-whole-number': (p, t) => `een heel aantal ${t(s(p['what']))} verwacht, maar ${s(p['found'])} gevonden`,
  'role-not-allowed': (p, t) => `${t(s(p['where']))} kent ${listIn('nl', [...arr(p['allowed']), t(s(p['address']))])}, niet ${s(p['role'])}`,
  'unknown-record-type': (p) => `onbekend recordtype '${s(p['name'])}'; verwacht: ${s(p['expected'])}`,
  'given-twice': (p, t) => `${t(s(p['what']))} staat er twee keer`,
  'flow-send-recipient': () => "de berichten van een flow gaan naar de deelnemer; schrijf iemand anders met 'notify'",
  'no-mobile-not-sms': () => "'if no mobile' hoort bij een sms",
  'distribute-both': () => 'verdeel onder medewerkers of over een groep, niet allebei',
  'distribute-missing-pool': () => 'zeg onder wie verdeeld wordt: among "<e-mail>", … of group "<naam>"',
  'notify-missing-recipient': () => "zeg wie een bericht krijgt, zoals 'to our_contact'",
  'notify-email-text': () => 'notify email verstuurt een sjabloon of een eigen onderwerp en tekst, niet allebei',
  'notify-email-missing-template': () => 'notify email heeft een sjabloon (template "<sleutel>") of een onderwerp en tekst (subject "<onderwerp>" "<tekst>") nodig',
  'notify-email-missing-subject': () => 'notify email met een eigen tekst heeft een onderwerp nodig: subject "<onderwerp>"',
  'notify-email-missing-text': () => 'notify email met een onderwerp heeft de tekst van het bericht tussen aanhalingstekens nodig',
  'notify-email-from': () => "een e-mail gaat uit van de afzender van de flow; 'from' hoort bij een sms",
  'notify-sms-subject': () => 'een sms heeft geen onderwerp',
  'notify-sms-template': () => 'notify sms verstuurt de tekst tussen aanhalingstekens, geen sjabloon',
  'notify-sms-missing-text': () => 'notify sms heeft de tekst van het bericht tussen aanhalingstekens nodig',
  'unknown-create-setting': (p) => `'${s(p['keyword'])}' is geen instelling van create ${s(p['record'])}${p['record'] === 'sale' && p['keyword'] === 'after' ? "; schrijf 'date after …'" : ''}`,
  'missing-create-setting': (p, t) => `create ${s(p['record'])} heeft ${t(s(p['what']))} nodig`,
  'success-created': () => "succes telt 'sale created', 'follow_up created' of 'request created'",
  'duplicate-flow-setting': (p) => `de flow heeft al een instelling ${s(p['setting'])}`,
  'unknown-day': (p) => `een dag verwacht (${s(p['days'])}), maar '${s(p['found'])}' gevonden`,
  'bad-time': (p) => `'${s(p['time'])}' is geen tijdstip`,
  'send-window-order': () => 'het verzendvenster sluit voordat het opent',
  'bad-date-time': () => 'een datum en tijd verwacht, zoals "2026-12-01T09:00"',
  'others-order': () => "'others' komt na de laatste branch",
  'reminder-every': () => 'herinneringen herhalen elke 1 dag of meer',
  'reminder-count': () => 'een herinnering gaat minstens 1 keer',
  'duplicate-when': () => "een workflow heeft één 'when'; verbind de voorwaarden met 'and'",
  'remind-without-send': () => "'remind' herhaalt de send ervoor, maar die is er niet",
  'duplicate-reminder': () => 'deze send heeft al een herinnering',
  'duplicate-trigger': () => 'een workflow heeft één trigger; dit is een tweede',
  'missing-trigger': () => "een workflow heeft een trigger nodig, zoals 'on person created'",
  'bad-trigger-path': (p) => `een recordtype of record.veld verwacht, maar '${s(p['found'])}' gevonden`,
  'missing-trigger-field': (p) => `zeg welk veld verandert, zoals 'on ${s(p['entity'])}.status changed'`,
  'event-on-field': (p) => `'${s(p['event'])}' volgt op een recordtype, zoals 'on ${s(p['entity'])} ${s(p['event'])}'; alleen 'changed' volgt op een veld`,
  'task-only-event': (p) => `alleen taken zijn ${s(p['event'])}; schrijf 'on task ${s(p['event'])}'`,
  'workflow-subject': () => 'de e-mail van een workflow neemt het onderwerp uit het sjabloon',
  'flows-only': (p) => `'${s(p['what'])}' kan alleen in flows`,
  'missing-recipient': () => "zeg wie de e-mail krijgt, zoals 'to person'",
  'duplicate-recipient': () => 'de e-mail heeft al een ontvanger',
  'workflow-sms-recipient': () => "de sms van een workflow gaat naar de persoon van het record; 'to' kan hier niet",
  'invalid-email-address': (p) => `${JSON.stringify(s(p['address']))}: ${DUTCH_ADDRESS_PROBLEMS[p['reason'] as AddressProblem] ?? s(p['reason'])}`,
  'invalid-phone-number': (p) => `${JSON.stringify(s(p['address']))}: ${DUTCH_ADDRESS_PROBLEMS[p['reason'] as AddressProblem] ?? s(p['reason'])}`,
  'unknown-template': (p) => `onbekend sjabloon "${s(p['name'])}"`,
  'template-channel': (p) => `"${s(p['name'])}" is een ${p['channel'] === 'email' ? 'sms' : 'e-mail'}sjabloon; deze stap verstuurt een ${p['channel'] === 'email' ? 'e-mail' : 'sms'}`,
  'missing-record': (p, t) => p['variant'] === 'behaviour'
    ? `${s(p['path'])} is gedrag in deze flow: alleen de branches van een split kunnen het gebruiken`
    : p['variant'] === 'field'
      ? `${s(p['path'])} is niet beschikbaar: ${t(s(p['about']))} heeft geen ${s(p['record'])}`
      : `${t(s(p['what']))} gebruikt ${s(p['path'])}, maar ${t(s(p['about']))} heeft geen ${s(p['record'])}`,
  'recipient': (p, t) => `${t(s(p['about']))} heeft geen ${s(p['role'])} om naar te sturen`,
  'reminder-without-status': () => 'herinneringen herhalen zolang het record de nieuwe waarde houdt; deze trigger is geen veldwijziging',
  'unknown-record': (p) => `onbekend record '${s(p['record'])}' in ${s(p['path'])}`,
  'unknown-field': (p) => `onbekend veld '${s(p['field'])}' van ${s(p['record'])}`,
  'type-mismatch': (p, t) => typeMismatch['nl'](p, t),
  'unknown-status': (p) => `onbekende ${s(p['kind'])}-status "${s(p['name'])}"`,
  'unknown-task-type': (p) => `onbekend taaktype "${s(p['name'])}"`,
  'duplicate-label': (p) => `het label '${s(p['label'])}' wordt twee keer gebruikt`,
  'no-trigger': () => "de flow heeft geen trigger; voeg 'trigger manual' toe om personen met de hand in te schrijven",
  'unknown-timezone': (p) => `onbekende tijdzone "${s(p['name'])}"`,
  'unknown-form': (p) => `onbekend formulier "${s(p['name'])}"`,
  'unknown-selection': (p) => `onbekende selectie "${s(p['name'])}"`,
  'unknown-project': (p) => `onbekend project "${s(p['name'])}"`,
  'unknown-flow': (p) => `onbekende flow "${s(p['name'])}"`,
  'unknown-group': (p) => `onbekende groep "${s(p['name'])}"`,
  'unknown-employee': (p) => `geen medewerker heeft het e-mailadres "${s(p['name'])}"`,
  'unknown-label': (p) => `geen stap heeft het label '${s(p['name'])}'`,
  'not-an-email-step': (p) => `'${s(p['label'])}' is het label van een ${s(p['kind'])}-stap, niet van een e-mailstap`,
  'unreachable': (p) => `deze stap wordt nooit bereikt: de ${s(p['ending'])}-stap ervoor beëindigt de flow`,
  'duplicate-branch': (p) => `de split heeft al een branch "${s(p['name'])}"`,
  'missing-sender': () => "deze e-mailstap heeft de afzender van de flow nodig: sender \"Naam <adres>\"",
  'missing-reply-to': () => 'deze e-mailstap heeft het reply_to-adres van de flow nodig',
  'missing-sms-sender': () => 'deze sms-stap heeft de sms_sender van de flow nodig',
  ...POLICY_NL,
  'invalid-sms-sender': (p) => `${JSON.stringify(s(p['sender']))} is geen sms-afzender: hoogstens 11 letters en cijfers, of een telefoonnummer in internationale vorm (+31612345678)`,
  'unknown-file': (p) => `onbekende bijlage "${s(p['name'])}": upload die eerst onder Bestanden`,
  'attachments-too-large': (p) => `de bijlagen van deze stap zijn samen ${s(p['size'])} MB; hoogstens ${s(p['max'])} MB`,
  // Datumtriggers, uitstapregels, opnieuw instromen en webhooks
  'date-trigger-field': (p) => `${s(p['path'])} is geen datumveld; een datumtrigger heeft er een nodig (bv. person.extra.contract_end)`,
  'restart-and-once': () => "een flow is 'once per person' of 'restart after <n> days', niet allebei",
  'restart-days': () => "'restart after' is 1 dag of meer",
  'yearly-once': () => "een jaarlijkse trigger schrijft een persoon elk jaar in, maar 'once per person' laat hem maar één keer toe",
  'webhook-url': () => 'een webhookadres begint met https:// (of http:// voor een adres uit WEBHOOK_ALLOW_PRIVATE), zoals "https://example.nl/hook"',
  'webhook-body-json': (p) => `de body is geen JSON: ${s(p['detail'])}`,
  'webhook-get-body': () => 'een GET-verzoek heeft geen body; gebruik POST of PUT',
  'webhook-header-name': (p) => `"${s(p['name'])}" kan geen header van de webhook zijn`,
  'webhook-timeout': () => 'een webhook wacht 1 tot 30000 ms',
  'unknown-secret': (p) => `er is geen geheim met de naam "${s(p['name'])}" (WEBHOOK_SECRETS)`,
  'not-a-webhook-step': (p) => `geen webhookstap heeft het label '${s(p['name'])}'`,
};

/** `type-mismatch` says one of several things; `params.variant` picks which. */
const typeMismatch: Record<Language, Render> = {
  en: (p, t) => {
    const path = s(p['path']);
    switch (p['variant']) {
      case 'date': return `${path} is a date, but "${s(p['value'])}" is not a date such as "2026-12-01"`;
      case 'stage': return `a sale's stage is open, sold or lost, not ${s(p['value'])}`;
      case 'ordering': return `${s(p['operator'])} compares numbers and dates, but ${path} is ${t(s(p['type']))}`;
      case 'list': return `${path} is a list: test it with contains`;
      case 'contains': return `contains looks inside a text or a list, but ${path} is ${t(s(p['type']))}`;
      case 'contains-value': return `contains looks for a text in ${path}, not ${s(p['value'])}`;
      case 'list-operation': return `${s(p['operation'])} works on a list, but ${path} is not one; use set`;
      case 'increase': return `increase works on a number, but ${path} is not one`;
      default: return `${path} is ${t(s(p['type']))}, but ${s(p['value'])} is ${t(s(p['valueType']))}`;
    }
  },
  nl: (p, t) => {
    const path = s(p['path']);
    switch (p['variant']) {
      case 'date': return `${path} is een datum, maar "${s(p['value'])}" is geen datum zoals "2026-12-01"`;
      case 'stage': return `de fase van een sale is open, sold of lost, niet ${s(p['value'])}`;
      case 'ordering': return `${s(p['operator'])} vergelijkt getallen en datums, maar ${path} is ${t(s(p['type']))}`;
      case 'list': return `${path} is een lijst: test die met contains`;
      case 'contains': return `contains zoekt in een tekst of een lijst, maar ${path} is ${t(s(p['type']))}`;
      case 'contains-value': return `contains zoekt een tekst in ${path}, niet ${s(p['value'])}`;
      case 'list-operation': return `${s(p['operation'])} werkt op een lijst, maar ${path} is er geen; gebruik set`;
      case 'increase': return `increase werkt op een getal, maar ${path} is er geen`;
      default: return `${path} is ${t(s(p['type']))}, maar ${s(p['value'])} is ${t(s(p['valueType']))}`;
    }
  },
};

/** Dutch for the English phrases that diagnostics pass as parameters (descriptions of what was expected, …). */
const NL_PHRASES: Readonly<Record<string, string>> = {
  ...POLICY_NL_PHRASES,
  'a quoted text': 'een tekst tussen aanhalingstekens',
  'a script in triple quotes (""" … """)': 'een script tussen drie aanhalingstekens (""" … """)',
  'a number': 'een getal',
  'a name': 'een naam',
  'a time such as 08:00': 'een tijd zoals 08:00',
  'more text': 'meer tekst',
  'a step (send, update, add, remove, create, distribute, run, notify, wait, split, leave, complete or call)':
    'een stap (send, update, add, remove, create, distribute, run, notify, wait, split, leave, complete of call)',
  'a value (a quoted text, a number, true or false)': 'een waarde (een tekst tussen aanhalingstekens, een getal, true of false)',
  'a recipient (person, contact, responsible, owner, our_contact, service_contact or a quoted address)':
    'een ontvanger (person, contact, responsible, owner, our_contact, service_contact of een adres tussen aanhalingstekens)',
  'a unit: minutes, hours, days, workdays or weeks': 'een eenheid: minutes, hours, days, workdays of weeks',
  'a comparison (=, !=, <, <=, >, >=, in, contains, is empty or changed)': 'een vergelijking (=, !=, <, <=, >, >=, in, contains, is empty of changed)',
  'created, updated, deleted, expired, completed or changed': 'created, updated, deleted, expired, completed of changed',
  'a condition, as in person.category = "Klant"': 'een voorwaarde, zoals person.category = "Klant"',
  'a field, as in person.first_name': 'een veld, zoals person.first_name',
  'manual, form, selection, link, when, a number of days or yearly': 'manual, form, selection, link, when, een aantal dagen of yearly',
  'a success criterion (sale created, form "…" submitted, link clicked, added to …, or a field change)':
    'een succescriterium (sale created, form "…" submitted, link clicked, added to … of een veldwijziging)',
  'a setting of the step': 'een instelling van de stap',
  "a duration, 'until' or 'for'": "een duur, 'until' of 'for'",
  'link clicked, email opened or form "…" submitted': 'link clicked, email opened of form "…" submitted',
  'a number of minutes, hours, days, workdays or weeks': 'een aantal minutes, hours, days, workdays of weeks',
  'a number of days': 'een aantal dagen',
  'a number of times': 'een aantal keren',
  'a field name': 'een veldnaam',
  "the workflow's name in quotes": 'de naam van de workflow tussen aanhalingstekens',
  "the flow's name in quotes": 'de naam van de flow tussen aanhalingstekens',
  "the split's name in quotes": 'de naam van de split tussen aanhalingstekens',
  "the branch's name in quotes": 'de naam van de branch tussen aanhalingstekens',
  'a template key in quotes': 'een sjabloonsleutel tussen aanhalingstekens',
  'the label of an e-mail step': 'het label van een e-mailstap',
  'a workflow line (on, when, after, send or remind)': 'een workflowregel (on, when, after, send of remind)',
  'a flow setting or a step': 'een flowinstelling of een stap',
  'a step': 'een stap',
  'branch or others': 'branch of others',
  "'move to flow' or 'add to selection'": "'move to flow' of 'add to selection'",
  "'on success' or 'on no_success'": "'on success' of 'on no_success'",
  'set, clear, add, remove or increase': 'set, clear, add, remove of increase',
  'the subject': 'het onderwerp', 'the template': 'het sjabloon', 'the text': 'de tekst', 'the date': 'de datum',
  minutes: 'minuten', hours: 'uren', days: 'dagen', workdays: 'werkdagen', weeks: 'weken', times: 'keren',
  milliseconds: 'milliseconden', megabytes: 'megabytes',
  "'notify … to'": "'notify … to'", "a request's 'owner'": "'owner' van een request", "a sale's 'owner'": "'owner' van een sale",
  'a quoted e-mail address': 'een e-mailadres tussen aanhalingstekens', 'a quoted phone number': 'een telefoonnummer tussen aanhalingstekens',
  'a quoted employee e-mail address': 'het e-mailadres van een medewerker tussen aanhalingstekens',
  'a type: type "<type>"': 'een type: type "<type>"',
  'a date: at first_available, after <n> days or on task_date': 'een datum: at first_available, after <n> days of on task_date',
  "'assign': our_contact, service_contact or an employee's e-mail": "'assign': our_contact, service_contact of het e-mailadres van een medewerker",
  'a status: status "<status>"': 'een status: status "<status>"',
  "an owner: auto, unassigned or an employee's e-mail": 'een eigenaar: auto, unassigned of het e-mailadres van een medewerker',
  'a stage: stage open, sold or lost': 'een fase: stage open, sold of lost',
  'a flow': 'een flow', 'a split': 'een split', 'the text ': 'de tekst',
  'a text': 'een tekst', 'true or false': 'true of false', 'a date': 'een datum', 'a list': 'een lijst', 'an id': 'een id', 'anything': 'alles',
};

/** A workflow's scope is named `a <entity> workflow`: Dutch says `een <entity>-workflow`. */
function phraseIn(lang: Language, phrase: string): string {
  if (lang === 'en') return phrase;
  const known = NL_PHRASES[phrase];
  if (known !== undefined) return known;
  const workflow = /^a (\w+) workflow$/.exec(phrase);
  if (workflow) return `een ${workflow[1]}-workflow`;
  const template = /^template "(.*)"$/.exec(phrase);
  if (template) return `sjabloon "${template[1]}"`;
  return phrase;
}

const catalogues: Record<Language, Record<string, Render>> = { en, nl };

/** The renderers of a language, by code (for tests that compare the languages). */
export function catalogueFor(lang: Language): Readonly<Record<string, unknown>> {
  return catalogues[lang];
}

/** Every diagnostic code the package gives. */
export const DIAGNOSTIC_CODES: readonly string[] = Object.keys(en);

export interface Renderable {
  code?: string;
  params?: Params;
  message: string;
  suggestion?: string;
}

/** The message of a diagnostic in `lang` (Dutch by default); its own message when the code is not in the catalogue. */
export function diagnosticMessage(diagnostic: Renderable, lang: Language = 'nl'): string {
  const render = diagnostic.code === undefined ? undefined : catalogues[lang][diagnostic.code];
  if (!render) return diagnostic.message;
  return render(diagnostic.params ?? {}, (phrase) => phraseIn(lang, phrase));
}

/** "did you mean 'send'?" in `lang`. */
export function suggestionMessage(suggestion: string, lang: Language = 'nl'): string {
  return lang === 'nl' ? `bedoelde u '${suggestion}'?` : `did you mean '${suggestion}'?`;
}

/** Copies of the diagnostics with their messages in `lang`. */
export function localizeDiagnostics<D extends Renderable>(diagnostics: readonly D[], lang: Language = 'nl'): D[] {
  return diagnostics.map((d) => ({ ...d, message: diagnosticMessage(d, lang) }));
}

/** The English text of a code: what a diagnostic's `message` holds when it is made. */
export function englishMessage(code: string, params: Params = {}): string {
  return en[code]!(params, (phrase) => phrase);
}

/** The language of a POSIX locale (`LANG=nl_NL.UTF-8` → nl); English otherwise. */
export function languageOfLocale(locale: string | undefined): Language {
  return locale !== undefined && /^nl([_.@-]|$)/i.test(locale) ? 'nl' : 'en';
}
