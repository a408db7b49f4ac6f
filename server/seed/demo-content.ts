import { readFileSync } from 'node:fs';

/**
 * The demo's e-mails and SMS text. Each e-mail's text is a file of its own under demo/emails/, put
 * into the shared MJML layout (header, the call-to-action button, sign-off, footer with the
 * unsubscribe link) at its marks, so that a designer can rework one e-mail, or the layout, without
 * touching code. The templates are stored as MJML: they open in the visual designer, and the
 * service compiles them to responsive HTML at save like any designed e-mail.
 */
const EMAILS = [
  { key: 'welkom-lead', name: 'Welkom nieuwe lead', subject: 'Welkom {{ person.first_name }}, fijn dat u contact opneemt', file: 'welkom-lead.html', button: ['Plan uw gratis adviesgesprek', 'https://energieloket.example/adviesgesprek'] },
  { key: 'adviesgesprek', name: 'Adviesgesprek: zo bereidt u zich voor', subject: 'Uw adviesgesprek: zo bereidt u zich voor', file: 'adviesgesprek.html', button: ['Download de checklist', 'https://energieloket.example/checklist'] },
  { key: 'offerte-aangevraagd', name: 'Bevestiging offerteaanvraag', subject: 'We vragen uw offerte aan', file: 'offerte-aangevraagd.html', button: ['Bekijk uw aanvraag', 'https://energieloket.example/mijn-aanvraag'] },
  { key: 'afspraak-bevestiging', name: 'Afspraak huisbezoek bevestigd', subject: 'Uw afspraak voor een huisbezoek staat', file: 'afspraak-bevestiging.html', button: ['Afspraak bekijken of verzetten', 'https://energieloket.example/afspraak'] },
  { key: 'zonnepanelen-aanbod', name: 'Aanbod zonnepanelen (collectieve inkoop)', subject: '{{ person.first_name }}, haal meer uit uw dak', file: 'zonnepanelen-aanbod.html', button: ['Bereken uw besparing', 'https://energieloket.example/zonnepanelen'] },
] as const;

const SMS = [{ key: 'sms-adviesgesprek', name: 'SMS: we bellen u voor een adviesgesprek', file: 'sms-adviesgesprek.txt' }] as const;

export interface DemoTemplate {
  key: string;
  name: string;
  channel: 'email' | 'sms';
  format: 'mjml' | 'html';
  subject: string | null;
  body: string;
}

const read = (path: string) => readFileSync(new URL(`./demo/${path}`, import.meta.url), 'utf8');

export function demoTemplates(): DemoTemplate[] {
  const layout = read('emails/layout.mjml');
  return [
    ...EMAILS.map(({ key, name, subject, file, button: [text, url] }) => ({
      key, name, channel: 'email' as const, format: 'mjml' as const, subject,
      body: layout.replace('<!-- inhoud -->', read(`emails/${file}`).trim()).replace('<!-- knop-tekst -->', text).replace('<!-- knop-adres -->', url),
    })),
    ...SMS.map(({ key, name, file }) => ({ key, name, channel: 'sms' as const, format: 'html' as const, subject: null, body: read(file).trim() })),
  ];
}
