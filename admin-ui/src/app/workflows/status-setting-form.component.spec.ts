import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Api } from '../core/api';
import { Session } from '../core/session';
import { settle, startInDutch, testTranslations } from '../../testing/translations';
import { StatusSettingFormComponent, type StatusSetting } from './status-setting-form.component';

const OFF: StatusSetting = {
  id: '7', name: 'Offertezoek - Offerte aangevraagd', statusActive: true, active: false, sendReminder: false, templateKey: null, delayDays: null, recipient: null,
  reminderIntervalDays: null, reminderMaxCount: null, customized: false, workflowId: null,
};

/** The API as the form sees it: one status, one template, and a save that the test decides. */
function fakeApi(save: (body: Partial<StatusSetting>) => Promise<StatusSetting>, shown: StatusSetting = OFF) {
  return {
    saved: [] as Partial<StatusSetting>[],
    async get(path: string): Promise<unknown> {
      if (path === '/api/templates') return { items: [{ key: 'offerte', name: 'Offerte aangevraagd' }], total: 1 };
      if (path === '/api/workflow-settings/quote-request-statuses/7') return shown;
      if (path === '/api/workflows/w1') return { source: 'workflow "x" {}' };
      throw new Error(`unexpected GET ${path}`);
    },
    async put(_path: string, body: Partial<StatusSetting>): Promise<StatusSetting> {
      this.saved.push(body);
      return save(body);
    },
  };
}

async function render(api: ReturnType<typeof fakeApi>, isFlowAdmin = true): Promise<ComponentFixture<StatusSettingFormComponent>> {
  TestBed.configureTestingModule({
    providers: [testTranslations(), provideRouter([]), { provide: Api, useValue: api }, { provide: Session, useValue: { isFlowAdmin: signal(isFlowAdmin) } }],
  });
  await startInDutch();
  const fixture = TestBed.createComponent(StatusSettingFormComponent);
  fixture.componentRef.setInput('kind', 'quote-request-statuses');
  fixture.componentRef.setInput('id', '7');
  await settle(fixture);
  return fixture;
}

const labels = (root: HTMLElement) => [...root.querySelectorAll(':scope > form mat-label')].map((label) => label.textContent?.trim());
const requiredMarks = (root: HTMLElement) => root.querySelectorAll('.mat-mdc-form-field-required-marker').length;
const click = (root: HTMLElement, selector: string) => (root.querySelector(selector) as HTMLElement).click();

describe('the status-setting form (seed 004)', () => {
  it('shows the dependent fields only once the workflow is switched on, the required ones marked', async () => {
    const fixture = await render(fakeApi(async () => OFF));
    const root = fixture.nativeElement as HTMLElement;
    expect(root.querySelector('h2')?.textContent).toBe('Offertezoek - Offerte aangevraagd');
    expect(labels(root)).toEqual([]);

    click(root, 'button[role="switch"]');
    await settle(fixture);
    expect(labels(root)).toEqual(['E-mailsjabloon', 'Na hoeveel dagen', 'Ontvanger']);
    expect(requiredMarks(root)).toBe(3);

    click(root, 'mat-checkbox input');
    await settle(fixture);
    expect(labels(root)).toEqual(['E-mailsjabloon', 'Na hoeveel dagen', 'Ontvanger', 'Elke hoeveel dagen', 'Maximaal aantal']);
    expect(requiredMarks(root)).toBe(5);
  });

  it('marks the empty required fields on a save and shows the server\'s refusal at its field', async () => {
    const refusal = { error: { message: 'choose a template', details: { field: 'templateKey' } } };
    const api = fakeApi(() => Promise.reject(refusal));
    const fixture = await render(api);
    const root = fixture.nativeElement as HTMLElement;
    click(root, 'button[role="switch"]');
    await settle(fixture);
    expect(root.querySelectorAll('mat-error').length).toBe(0);

    click(root, 'button[type="submit"]');
    await settle(fixture);
    expect([...root.querySelectorAll('mat-error')].map((e) => e.textContent?.trim())).toEqual(['Verplicht', 'Verplicht', 'Verplicht']);
    expect(root.querySelector('[data-field="templateKey"]')?.textContent).toBe('choose a template');
    expect(api.saved).toEqual([{ active: true, sendReminder: false, templateKey: null, delayDays: null, recipient: null, reminderIntervalDays: null, reminderMaxCount: null }]);
  });

  it('says so when saved, and shows the DSL the setting produced', async () => {
    const fixture = await render(fakeApi(async (body) => ({ ...OFF, ...body, workflowId: 'w1' })));
    const root = fixture.nativeElement as HTMLElement;
    click(root, 'button[role="switch"]');
    await settle(fixture);
    click(root, 'button[type="submit"]');
    await settle(fixture);
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Opgeslagen');
    expect(root.querySelector('pre')?.textContent).toBe('workflow "x" {}');
  });

  it('lets a content editor look but not change or save', async () => {
    const fixture = await render(fakeApi(async () => OFF), false);
    const root = fixture.nativeElement as HTMLElement;
    expect((root.querySelector('button[role="switch"]') as HTMLButtonElement).disabled).toBe(true);
    expect(root.querySelector('button[type="submit"]')).toBeNull();
  });

  it('switched off, keeps the hidden values and saves them; switched on again, shows them', async () => {
    const WITH_REMINDERS: StatusSetting = {
      ...OFF, active: true, sendReminder: true, templateKey: 'offerte', delayDays: 2, recipient: 'owner', reminderIntervalDays: 4, reminderMaxCount: 3, workflowId: 'w1',
    };
    const api = fakeApi(async (body) => ({ ...WITH_REMINDERS, ...body }), WITH_REMINDERS);
    const fixture = await render(api);
    const root = fixture.nativeElement as HTMLElement;
    const form = fixture.componentInstance;
    expect(form.isDirty()).toBe(false);

    click(root, 'button[role="switch"]');
    await settle(fixture);
    expect(labels(root)).toEqual([]);
    expect(form.isDirty()).toBe(true);
    click(root, 'button[type="submit"]');
    await settle(fixture);
    expect(api.saved).toEqual([{ active: false, sendReminder: true, templateKey: 'offerte', delayDays: 2, recipient: 'owner', reminderIntervalDays: 4, reminderMaxCount: 3 }]);
    expect(form.isDirty()).toBe(false);

    click(root, 'button[role="switch"]');
    await settle(fixture);
    expect((root.querySelector('input[name="reminderIntervalDays"]') as HTMLInputElement).value).toBe('4');
    expect((root.querySelector('input[name="delayDays"]') as HTMLInputElement).value).toBe('2');
  });

  it('offers a fixed e-mail address as the recipient: shown from the API, changed, and sent back as the address', async () => {
    const TO_TEAM: StatusSetting = { ...OFF, active: true, templateKey: 'offerte', delayDays: 1, recipient: 'team@loket.example', workflowId: 'w1' };
    const api = fakeApi(async (body) => ({ ...TO_TEAM, ...body }), TO_TEAM);
    const fixture = await render(api);
    const root = fixture.nativeElement as HTMLElement;
    expect(labels(root)).toEqual(['E-mailsjabloon', 'Na hoeveel dagen', 'Ontvanger', 'E-mailadres van de ontvanger']);
    expect(root.querySelector('mat-select[name="recipient"]')?.textContent).toContain('Een vast e-mailadres');
    const address = root.querySelector('input[name="recipientAddress"]') as HTMLInputElement;
    expect(address.value).toBe('team@loket.example');
    expect(fixture.componentInstance.isDirty()).toBe(false);
    address.value = 'balie@loket.example';
    address.dispatchEvent(new Event('input'));
    await settle(fixture);
    expect(fixture.componentInstance.isDirty()).toBe(true);
    click(root, 'button[type="submit"]');
    await settle(fixture);
    expect(api.saved).toEqual([expect.objectContaining({ recipient: 'balie@loket.example' })]);
  });

  it('shows a row customized in the DSL read-only, with a link that opens its rule in the DSL editor', async () => {
    const CUSTOMIZED: StatusSetting = { ...OFF, active: true, templateKey: 'offerte', delayDays: null, recipient: 'person', customized: true, workflowId: 'w1' };
    const fixture = await render(fakeApi(async () => CUSTOMIZED, CUSTOMIZED));
    const root = fixture.nativeElement as HTMLElement;
    expect(root.querySelector('[role="note"]')?.textContent).toContain('DSL-editor');
    expect(root.querySelector('[role="note"] a')?.getAttribute('href')).toBe('/dsl?workflow=w1');
    expect(labels(root)).toEqual(['E-mailsjabloon', 'Na hoeveel dagen', 'Ontvanger']);
    expect((root.querySelector('button[role="switch"]') as HTMLButtonElement).disabled).toBe(true);
    expect((root.querySelector('input[name="delayDays"]') as HTMLInputElement).disabled).toBe(true);
    expect(root.querySelector('mat-select[name="templateKey"]')?.getAttribute('aria-disabled')).toBe('true');
    expect((root.querySelector('mat-checkbox input') as HTMLInputElement).disabled).toBe(true);
    expect(root.querySelector(':scope > form button[type="submit"]')).toBeNull();
    expect(fixture.componentInstance.isDirty()).toBe(false);
  });

  it('says what is wrong with a number: "Minimaal 1" for a 0, a whole number, "Maximaal"', async () => {
    const fixture = await render(fakeApi(async () => OFF));
    const root = fixture.nativeElement as HTMLElement;
    click(root, 'button[role="switch"]');
    await settle(fixture);
    click(root, 'mat-checkbox input');
    await settle(fixture);
    const type = async (name: string, value: string) => {
      const input = root.querySelector(`input[name="${name}"]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('blur'));
      await settle(fixture);
    };
    const errorOf = (name: string) => root.querySelector(`input[name="${name}"]`)?.closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim();
    await type('reminderIntervalDays', '0');
    expect(errorOf('reminderIntervalDays')).toBe('Minimaal 1');
    await type('reminderMaxCount', '1.5');
    expect(errorOf('reminderMaxCount')).toBe('Een geheel getal');
    await type('delayDays', '4000');
    expect(errorOf('delayDays')).toBe('Maximaal 3650');
    await type('delayDays', '');
    expect(errorOf('delayDays')).toBe('Verplicht');
  });
});
