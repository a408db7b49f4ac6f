import { describe, expect, it } from '@jest/globals';
import { sameAst } from './ast.js';
import { hasErrors } from './diagnostics.js';
import { parse } from './parse.js';
import { format } from './printer.js';
import { renameReferences, type ReferenceKind, type RenameOptions } from './rename.js';
import { fixture, fixtures, lines } from './testing/test-support.js';

/** Renames and checks what every rename must give: a source that parses without errors. */
function rename(source: string, kind: ReferenceKind, from: string, to: string, options?: RenameOptions) {
  const result = renameReferences(source, kind, from, to, options);
  expect(hasErrors(parse(result.source).diagnostics)).toBe(false);
  return result;
}

/** How often `"name"` (quoted, as the source spells names) occurs. */
const count = (source: string, name: string) => source.split(JSON.stringify(name)).length - 1;

describe('renameReferences', () => {
  it('renames template keys in workflow actions and flow steps, not a selection of the same name', () => {
    const source = lines(
      fixture('spec-example.stroom'),
      fixture('workflow-actions.stroom'),
      'flow "Welkom en sms" {',
      '  trigger selection "welkom" added',
      '  exclude selection "welkom"',
      '',
      '  send email "welkom"',
      '  send sms template "welkom"',
      '  notify email to our_contact template "welkom"',
      '  add to selection "welkom"',
      '  wait for form "welkom" submitted else leave { add to selection "welkom" }',
      '}',
      '',
    );
    const result = rename(source, 'template', 'welkom', 'welkom-2027');
    // spec-example's `welkom: send email "welkom"` plus the three steps of the last flow.
    expect(result.changed).toBe(4);
    expect(count(result.source, 'welkom-2027')).toBe(4);
    expect(result.source).toContain('welkom: send email "welkom-2027" subject');
    expect(result.source).toContain('send sms template "welkom-2027"');
    expect(result.source).toContain('notify email to our_contact template "welkom-2027"');
    // The selection and the form called "welkom" are other things.
    expect(count(result.source, 'welkom')).toBe(5);
    expect(result.source).toContain('trigger selection "welkom" added');
    expect(result.source).toContain('exclude selection "welkom"');
    expect(result.source).toContain('add to selection "welkom"');
    expect(result.source).toContain('wait for form "welkom" submitted');

    const workflow = rename(fixture('workflow-actions.stroom'), 'template', 'sms-herinnering', 'sms-herinnering-v2');
    expect(workflow.changed).toBe(1);
    expect(workflow.source).toContain('after 1 day send sms template "sms-herinnering-v2"');
    expect(workflow.source).not.toContain('"sms-herinnering"');
    const email = rename(fixture('spec-example.stroom'), 'template', 'offerte-aangevraagd', 'offerte-nieuw');
    expect(email.changed).toBe(1);
    expect(email.source).toContain('after 3 days send email "offerte-nieuw" to person');
  });

  it('renames selections in triggers, exclusions, success criteria, membership and leave blocks', () => {
    const settings = rename(fixture('flow-settings.stroom'), 'selection', 'Nieuwsbrief', 'Nieuwsbrief 2027');
    expect(settings.changed).toBe(1);
    expect(settings.source).toContain('trigger selection "Nieuwsbrief 2027" added');
    expect(settings.source).not.toContain('"Nieuwsbrief"');

    const exclude = rename(fixture('spec-example.stroom'), 'selection', 'Afmeldingen', 'Uitgeschreven');
    expect(exclude.changed).toBe(1);
    expect(exclude.source).toContain('exclude selection "Uitgeschreven"');

    const success = rename(fixture('flow-settings.stroom'), 'selection', 'Klanten', 'Vaste klanten');
    expect(success.changed).toBe(1);
    expect(success.source).toContain('added to selection "Vaste klanten"');

    const source = lines(
      fixture('flow-steps.stroom'),
      'flow "Selecties" {',
      '  trigger selection "Geen reactie" added',
      '  exclude selection "Geen reactie"',
      '  success when added to selection "Geen reactie" or added to project "Geen reactie"',
      '',
      '  add to selection "Geen reactie"',
      '  remove from selection "Geen reactie"',
      '  add to project "Geen reactie"',
      '  send email "Geen reactie"',
      '  split "s" {',
      '    branch "b" when person.category = "Geen reactie" {',
      '      leave { add to selection "Geen reactie" }',
      '    }',
      '    others leave { add to selection "Geen reactie" }',
      '  }',
      '}',
      '',
    );
    const result = rename(source, 'selection', 'Geen reactie', 'Stil');
    // flow-steps: `wait for form … else leave { add to selection }`; then 7 in the last flow.
    expect(result.changed).toBe(8);
    expect(count(result.source, 'Stil')).toBe(8);
    expect(result.source).toContain('remove from selection "Stil"');
    expect(result.source).toContain('others leave {\n      add to selection "Stil"');
    // A project, a template and a category value of the same name are untouched.
    expect(count(result.source, 'Geen reactie')).toBe(4);
    expect(result.source).toContain('added to project "Geen reactie"');
    expect(result.source).toContain('add to project "Geen reactie"');
    expect(result.source).toContain('send email "Geen reactie"');
    expect(result.source).toContain('person.category = "Geen reactie"');

    const ifNoMobile = rename(fixture('flow-steps.stroom'), 'selection', 'Geen mobiel', 'Zonder mobiel');
    expect(ifNoMobile.changed).toBe(1);
    expect(ifNoMobile.source).toContain('if no mobile leave {\n    move to flow "Per post"\n    add to selection "Zonder mobiel"');
    // "Geen mobiel" is also an SMS text: a text is not a name.
    expect(count(ifNoMobile.source, 'Geen mobiel')).toBe(2);

    const split = rename(fixture('flow-split.stroom'), 'selection', 'Controle', 'Nakijken');
    expect(split.changed).toBe(1);
    expect(split.source).toContain('add to selection "Nakijken"');
  });

  it('renames projects in membership steps, follow-ups, sales and success criteria, not a selection of the same name', () => {
    const source = lines(fixture('flow-steps.stroom'), fixture('flow-settings.stroom'),
      'flow "Ook selectie" {', '  trigger selection "Zon op dak" added', '', '  add to selection "Zon op dak"', '}', '');
    const result = rename(source, 'project', 'Zon op dak', 'Zon op dak 2027');
    // add to project, follow_up project, sale project (flow-steps) and `added to project` (flow-settings).
    expect(result.changed).toBe(4);
    expect(result.source).toContain('add to project "Zon op dak 2027"');
    expect(result.source).toContain('type "Telefoontje" project "Zon op dak 2027" at first_available');
    expect(result.source).toContain('description "12 panelen" project "Zon op dak 2027" date by_type');
    expect(result.source).toContain('added to project "Zon op dak 2027"');
    expect(count(result.source, 'Zon op dak')).toBe(2);
    expect(result.source).toContain('trigger selection "Zon op dak" added');
    expect(result.source).toContain('add to selection "Zon op dak"');

    const remove = rename(fixture('flow-steps.stroom'), 'project', 'Oud project', 'Archief');
    expect(remove.changed).toBe(1);
    expect(remove.source).toContain('remove from project "Archief"');
  });

  it('renames forms in triggers, wait-for steps and success criteria, not a template of the same name', () => {
    const source = lines(fixture('flow-settings.stroom'), fixture('flow-steps.stroom'),
      'flow "Offerte" {', '  trigger manual', '', '  send email "offerte"', '  notify email to our_contact template "offerte"', '}', '');
    const result = rename(source, 'form', 'offerte', 'offerteformulier');
    // `success when … form "offerte" submitted` and `wait for form "offerte" submitted`.
    expect(result.changed).toBe(2);
    expect(result.source).toContain('or form "offerteformulier" submitted or');
    expect(result.source).toContain('wait for form "offerteformulier" submitted at most 14 days else leave {');
    expect(count(result.source, 'offerte')).toBe(2);
    expect(result.source).toContain('send email "offerte"');

    const trigger = rename(fixture('spec-example.stroom'), 'form', 'contact-me', 'contact');
    expect(trigger.changed).toBe(1);
    expect(trigger.source).toContain('trigger form "contact" submitted');
    expect(trigger.source).not.toContain('"contact-me"');
  });

  it('renames flows in leave blocks and complete actions, not the declaration itself', () => {
    const source = lines(fixture('flow-steps.stroom'), fixture('spec-example.stroom'),
      'flow "Reactivatie" {', '  trigger manual', '', '  send email "Reactivatie"', '}', '');
    const result = rename(source, 'flow', 'Reactivatie', 'Heractivering');
    // flow-steps: wait-for leave block and `on no_success`; spec-example: `others leave { move to flow }`.
    expect(result.changed).toBe(3);
    expect(result.source).toContain('else leave {\n    move to flow "Heractivering"');
    expect(result.source).toContain('on no_success move to flow "Heractivering"');
    expect(result.source).toContain('others leave {\n      move to flow "Heractivering"');
    expect(count(result.source, 'Reactivatie')).toBe(2);
    expect(result.source).toContain('flow "Reactivatie" {');
    expect(result.source).toContain('send email "Reactivatie"');

    const upsell = rename(fixture('flow-steps.stroom'), 'flow', 'Upsell', 'Meer verkopen');
    expect(upsell.changed).toBe(1);
    expect(upsell.source).toContain('on success move to flow "Meer verkopen"');
    const ifNoMobile = rename(fixture('flow-steps.stroom'), 'flow', 'Per post', 'Brief');
    expect(ifNoMobile.changed).toBe(1);
    expect(ifNoMobile.source).toContain('move to flow "Brief"');
  });

  it('renames statuses in triggers, conditions and success criteria of the given entity kind only', () => {
    const status = 'Offerte verstuurd';
    const source = lines(
      fixture('workflow-triggers.stroom'),
      'workflow "Offerte" {',
      `  on quote_request.status changed from "${status}" to "Akkoord"`,
      `  when quote_request.status = "${status}" or quote_request.status in ["Nieuw", "${status}"] or quote_request.kind = "${status}"`,
      `  send email "${status}" to person`,
      '}',
      '',
      'workflow "Verzoek" {',
      `  on request.status changed to "${status}"`,
      `  when opportunity.status != "${status}"`,
      '  send email "verzoek" to person',
      '}',
      '',
      'flow "Offertes" {',
      `  trigger when quote_request.status changed to "${status}"`,
      `  success when quote_request.status changed from "${status}" or opportunity.status changed to "${status}"`,
      '',
      '  split "s" {',
      `    branch "b" when not (quote_request.status != "${status}") {`,
      '      wait 1 day',
      '    }',
      '  }',
      `  create request "r" type "t" status "${status}" owner auto`,
      '}',
      '',
    );
    const result = rename(source, 'status', status, 'Offerte verzonden', { statusKind: 'quote_request' });
    // Trigger from, `=`, `in`, flow trigger `changed to`, success `changed from`, branch `!=`.
    expect(result.changed).toBe(6);
    expect(result.source).toContain('on quote_request.status changed from "Offerte verzonden" to "Akkoord"');
    expect(result.source).toContain('when quote_request.status = "Offerte verzonden" or quote_request.status in ["Nieuw", "Offerte verzonden"]');
    expect(result.source).toContain('trigger when quote_request.status changed to "Offerte verzonden"');
    expect(result.source).toContain('success when quote_request.status changed from "Offerte verzonden" or opportunity.status changed to "Offerte verstuurd"');
    expect(result.source).toContain('branch "b" when not quote_request.status != "Offerte verzonden" {');
    // Other entities' statuses, another field, a template and a request's own status stay.
    expect(result.source).toContain('on opportunity.status changed from "Offerte verstuurd" to "Gewonnen"');
    expect(result.source).toContain('quote_request.kind = "Offerte verstuurd"');
    expect(result.source).toContain('send email "Offerte verstuurd" to person');
    expect(result.source).toContain('on request.status changed to "Offerte verstuurd"');
    expect(result.source).toContain('when opportunity.status != "Offerte verstuurd"');
    expect(result.source).toContain('status "Offerte verstuurd" owner auto');

    const opportunity = rename(source, 'status', status, 'Verstuurd', { statusKind: 'opportunity' });
    // workflow-triggers' `changed from`, `opportunity.status !=` and the success criterion.
    expect(opportunity.changed).toBe(3);
    expect(opportunity.source).toContain('on opportunity.status changed from "Verstuurd" to "Gewonnen"');
    expect(opportunity.source).toContain('when opportunity.status != "Verstuurd"');
    expect(opportunity.source).toContain('opportunity.status changed to "Verstuurd"');
    expect(opportunity.source).toContain(`on quote_request.status changed from "${status}"`);

    // Without a kind every managed status field counts (a request's status is not one of them).
    expect(rename(source, 'status', status, 'Verstuurd').changed).toBe(9);

    const intake = rename(fixture('workflow-triggers.stroom'), 'status', 'Intake gepland', 'Intake ingepland', { statusKind: 'intake_measure' });
    expect(intake.changed).toBe(1);
    expect(intake.source).toContain('workflow "Intake gepland" inactive {\n  on intake_measure.status changed to "Intake ingepland"');
    expect(rename(fixture('workflow-triggers.stroom'), 'status', 'Intake gepland', 'x', { statusKind: 'opportunity' }).changed).toBe(0);
  });

  it('renames task types compared with task.type, not other types or texts', () => {
    const source = lines(
      fixture('spec-example.stroom'),
      fixture('workflow-triggers.stroom'),
      'workflow "Bellen of mailen" {',
      '  on task created',
      '  when task.type in ["Bellen", "Mailen"] and task.title = "Bellen" and task.title contains "Bellen"',
      '  send email "Bellen" to responsible',
      '}',
      '',
      'flow "Terugbellen" {',
      '  trigger when task.type = "Bellen"',
      '',
      '  create follow_up "Bellen" type "Bellen" at first_available assign our_contact',
      '  create sale "s" type "Bellen" stage open',
      '}',
      '',
    );
    const result = rename(source, 'task_type', 'Bellen', 'Telefoneren');
    // spec-example, workflow-triggers, the `in` list and the flow trigger.
    expect(result.changed).toBe(4);
    expect(count(result.source, 'Telefoneren')).toBe(4);
    expect(result.source).toContain('when task.type in ["Telefoneren", "Mailen"] and task.title = "Bellen"');
    expect(result.source).toContain('trigger when task.type = "Telefoneren"');
    expect(result.source).not.toContain('task.type = "Bellen"');
    expect(result.source).toContain('task.title contains "Bellen"');
    expect(result.source).toContain('send email "Bellen" to responsible');
    expect(result.source).toContain('create follow_up "Bellen" type "Bellen"');
    expect(result.source).toContain('create sale "s" type "Bellen"');
    expect(result.source).toContain('workflow "Nieuwe taak Bellen" {');
  });

  it('renames employees by e-mail in assign, owner, among and fallback, not other addresses', () => {
    const source = lines(
      fixture('flow-steps.stroom'),
      fixture('workflow-triggers.stroom'),
      'flow "Medewerkers" {',
      '  sender "Helpdesk <helpdesk@energieloket.example>"',
      '  reply_to "helpdesk@energieloket.example"',
      '  trigger manual',
      '',
      '  create follow_up "t" type "Taak" on task_date assign "Helpdesk@Energieloket.example"',
      '  create sale "s" type "t" stage open owner "helpdesk@energieloket.example"',
      '  distribute to owner among "a@energieloket.example", "helpdesk@energieloket.example" fallback "helpdesk@energieloket.example"',
      '  notify email to "helpdesk@energieloket.example" template "k"',
      '}',
      '',
    );
    const result = rename(source, 'employee', 'helpdesk@energieloket.example', 'servicedesk@energieloket.example');
    // flow-steps' request owner; assign (any case), sale owner, among and fallback.
    expect(result.changed).toBe(5);
    expect(result.source).toContain('status "Open" owner "servicedesk@energieloket.example"');
    expect(result.source).toContain('on task_date assign "servicedesk@energieloket.example"');
    expect(result.source).toContain('stage open owner "servicedesk@energieloket.example"');
    expect(result.source).toContain('among "a@energieloket.example", "servicedesk@energieloket.example" fallback "servicedesk@energieloket.example"');
    // A workflow recipient, sender, reply_to and notify address are addresses, not employees.
    expect(count(result.source, 'helpdesk@energieloket.example')).toBe(3);
    expect(result.source).toContain('send email "verzoek-status" to "helpdesk@energieloket.example"');
    expect(result.source).toContain('notify email to "helpdesk@energieloket.example" template "k"');

    const steps = fixture('flow-steps.stroom');
    expect(rename(steps, 'employee', 'adviseur@energieloket.example', 'x@energieloket.example').source)
      .toContain('on task_date assign "x@energieloket.example"');
    expect(rename(steps, 'employee', 'verkoop@energieloket.example', 'x@energieloket.example').source)
      .toContain('date after 10 workdays owner "x@energieloket.example"');
    const among = rename(steps, 'employee', 'b@energieloket.example', 'x@energieloket.example');
    expect(among.changed).toBe(1);
    expect(among.source).toContain('among "a@energieloket.example", "x@energieloket.example" fallback "c@energieloket.example"');
    expect(rename(steps, 'employee', 'c@energieloket.example', 'x@energieloket.example').source).toContain('fallback "x@energieloket.example"');
  });

  it('renames groups in distribute steps, not a selection of the same name', () => {
    const source = lines(fixture('flow-steps.stroom'), 'flow "Adviseurs" {', '  trigger selection "Adviseurs" added', '',
      '  add to selection "Adviseurs"', '  distribute to owner group "Adviseurs" fallback "c@energieloket.example"', '}', '');
    const result = rename(source, 'group', 'Adviseurs', 'Energieadviseurs');
    expect(result.changed).toBe(2);
    expect(count(result.source, 'Energieadviseurs')).toBe(2);
    expect(result.source).toContain('distribute to owner group "Energieadviseurs"\n');
    expect(result.source).toContain('distribute to owner group "Energieadviseurs" fallback "c@energieloket.example"');
    expect(count(result.source, 'Adviseurs')).toBe(3);
  });

  it('keeps comments', () => {
    const source = fixture('comments.stroom');
    const result = rename(source, 'flow', 'Reactivatie', 'Heractivering');
    expect(result.changed).toBe(1);
    const commentLines = (text: string) => text.split('\n').filter((line) => line.trim().startsWith('#')).map((line) => line.trim());
    expect(commentLines(result.source)).toEqual(commentLines(source));
    expect(commentLines(result.source)).toHaveLength(16);
    expect(result.source).toContain('    # naar de reactivatie\n      move to flow "Heractivering"');
    expect(result.source).toContain('# Regels voor offertes\nworkflow "Met commentaar" {');
    expect(result.source.trimEnd().endsWith('# einde')).toBe(true);
    const status = rename(source, 'status', 'Offertezoek - Offerte aangevraagd', 'Aangevraagd', { statusKind: 'quote_request' });
    expect(status.source).toContain('  # de trigger\n  on quote_request.status changed to "Aangevraagd"');
  });

  it('returns the canonical form when something changed', () => {
    const source = 'flow "f" { trigger manual\n welkom: send email "a"   # eind\n}';
    const result = rename(source, 'template', 'a', 'b');
    expect(result).toEqual({ source: format(source.replace('"a"', '"b"')).source, changed: 1 });
    expect(result.source).toBe('flow "f" {\n  trigger manual\n\n  welkom: send email "b"\n  # eind\n}\n');
  });

  it('returns a source with no such reference byte for byte', () => {
    const source = 'flow "f"   {  trigger manual\r\n\n\n  send email "welkom"  # x\n}  ';
    expect(renameReferences(source, 'selection', 'welkom', 'nieuw')).toEqual({ source, changed: 0 });
    expect(renameReferences(source, 'template', 'Welkom', 'nieuw')).toEqual({ source, changed: 0 });
    expect(renameReferences(source, 'template', 'welkom', 'welkom')).toEqual({ source, changed: 0 });
    expect(renameReferences('', 'template', 'welkom', 'nieuw')).toEqual({ source: '', changed: 0 });
    for (const { source: text } of fixtures()) {
      expect(renameReferences(text, 'group', 'Bestaat niet', 'x')).toEqual({ source: text, changed: 0 });
    }
  });

  it('returns a source that does not parse unchanged, and never throws', () => {
    const broken = 'flow "f" {\n  send email "welkom"\n  send email\n}\n';
    expect(renameReferences(broken, 'template', 'welkom', 'nieuw')).toEqual({ source: broken, changed: 0 });
    const unterminated = 'workflow "w" { on person created send email "welkom to person }';
    expect(renameReferences(unterminated, 'template', 'welkom', 'nieuw')).toEqual({ source: unterminated, changed: 0 });
    expect(renameReferences(undefined as unknown as string, 'template', 'a', 'b')).toEqual({ source: undefined, changed: 0 });
    expect(renameReferences('{'.repeat(500), 'template', 'a', 'b').changed).toBe(0);
  });

  it('quotes new names that need escapes', () => {
    const result = rename(fixture('spec-example.stroom'), 'selection', 'Afmeldingen', 'Af "gemeld"\\nu');
    expect(result.changed).toBe(1);
    expect(result.source).toContain('exclude selection "Af \\"gemeld\\"\\\\nu"');
    const back = rename(result.source, 'selection', 'Af "gemeld"\\nu', 'Afmeldingen');
    expect(back.source).toBe(format(fixture('spec-example.stroom')).source);
  });

  it('changes nothing but the renamed names: renaming back gives the original program', () => {
    const renames: [ReferenceKind, string][] = [
      ['template', 'welkom'], ['template', 'nieuwe-lead'], ['selection', 'Geen reactie'], ['project', 'Zon op dak'],
      ['form', 'offerte'], ['flow', 'Reactivatie'], ['status', 'Offertezoek - Offerte aangevraagd'], ['task_type', 'Bellen'],
      ['employee', 'c@energieloket.example'], ['group', 'Adviseurs'],
    ];
    let total = 0;
    for (const { source } of fixtures()) {
      for (const [kind, name] of renames) {
        const there = rename(source, kind, name, 'tijdelijke naam');
        const back = rename(there.source, kind, 'tijdelijke naam', name);
        expect(back.changed).toBe(there.changed);
        expect(sameAst(parse(back.source).ast, parse(source).ast)).toBe(true);
        total += there.changed;
      }
    }
    expect(total).toBeGreaterThan(20);
  });
});
