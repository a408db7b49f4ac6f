import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Api } from '../core/api';
import { Session } from '../core/session';
import { settle, startInDutch, testTranslations } from '../../testing/translations';
import { StatusSettingFormComponent, type StatusSetting } from './status-setting-form.component';

const OFF: StatusSetting = {
  id: '7', name: 'Offertezoek - Offerte aangevraagd', active: false, sendReminder: false, templateKey: null, delayDays: null, recipient: null,
  reminderIntervalDays: null, reminderMaxCount: null, customized: false, workflowId: null,
};

/** The API as the form sees it: one status, one template, and a save that the test decides. */
function fakeApi(save: (body: Partial<StatusSetting>) => Promise<StatusSetting>) {
  return {
    saved: [] as Partial<StatusSetting>[],
    async get(path: string): Promise<unknown> {
      if (path === '/api/templates') return { items: [{ key: 'offerte', name: 'Offerte aangevraagd' }], total: 1 };
      if (path === '/api/workflow-settings/quote-request-statuses/7') return OFF;
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
    providers: [testTranslations(), { provide: Api, useValue: api }, { provide: Session, useValue: { isFlowAdmin: signal(isFlowAdmin) } }],
  });
  await startInDutch();
  const fixture = TestBed.createComponent(StatusSettingFormComponent);
  fixture.componentRef.setInput('kind', 'quote-request-statuses');
  fixture.componentRef.setInput('id', '7');
  await settle(fixture);
  return fixture;
}

const labels = (root: HTMLElement) => [...root.querySelectorAll('mat-label')].map((label) => label.textContent?.trim());
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
});
