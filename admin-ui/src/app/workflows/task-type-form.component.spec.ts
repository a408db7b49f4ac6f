import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Api } from '../core/api';
import { Session } from '../core/session';
import { settle, startInDutch, testTranslations } from '../../testing/translations';
import { TaskTypeFormComponent } from './task-type-form.component';

const OFF = { active: false, templateKey: null, customized: false, workflowId: null };
/** "Bellen" with its completed-task workflow changed in the DSL (a reminder the form cannot show). */
const BELLEN = {
  id: '3', name: 'Bellen',
  onExpired: OFF, onNew: OFF,
  onCompleted: { active: true, templateKey: 'taak', delayDays: 2, customized: true, workflowId: 'w9' },
};

function fakeApi() {
  return {
    saved: [] as unknown[],
    async get(path: string): Promise<unknown> {
      if (path === '/api/templates') return { items: [{ key: 'taak', name: 'Taak afgehandeld' }], total: 1 };
      if (path === '/api/workflow-settings/task-types/3') return BELLEN;
      if (path === '/api/workflows/w9') return { source: 'workflow "Taak Bellen: afgehandeld" {}' };
      throw new Error(`unexpected GET ${path}`);
    },
    async put(_path: string, body: unknown): Promise<unknown> {
      this.saved.push(body);
      return BELLEN;
    },
  };
}

async function render(api: ReturnType<typeof fakeApi>): Promise<ComponentFixture<TaskTypeFormComponent>> {
  TestBed.configureTestingModule({
    providers: [testTranslations(), provideRouter([]), { provide: Api, useValue: api }, { provide: Session, useValue: { isFlowAdmin: signal(true) } }],
  });
  await startInDutch();
  const fixture = TestBed.createComponent(TaskTypeFormComponent);
  fixture.componentRef.setInput('id', '3');
  await settle(fixture);
  return fixture;
}

const fieldset = (root: HTMLElement, label: string) => root.querySelector(`fieldset[aria-label="${label}"]`) as HTMLElement;

describe('the task-type form (seed 004)', () => {
  it('shows a workflow changed in the DSL read-only with a link to it, keeps the others editable, and leaves it out of a save', async () => {
    const api = fakeApi();
    const fixture = await render(api);
    const root = fixture.nativeElement as HTMLElement;
    const completed = fieldset(root, 'Gebruikt workflow afgehandelde taak');
    expect(completed.querySelector('[role="note"] a')?.getAttribute('href')).toBe('/dsl?workflow=w9');
    expect((completed.querySelector('mat-checkbox input') as HTMLInputElement).disabled).toBe(true);
    expect((completed.querySelector('input[type="number"]') as HTMLInputElement).disabled).toBe(true);
    const onNew = fieldset(root, 'Gebruikt workflow nieuwe taak');
    expect((onNew.querySelector('mat-checkbox input') as HTMLInputElement).disabled).toBe(false);

    const form = fixture.componentInstance;
    expect(form.isDirty()).toBe(false);
    (onNew.querySelector('mat-checkbox input') as HTMLInputElement).click();
    await settle(fixture);
    expect(form.isDirty()).toBe(true);
    (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(api.saved).toEqual([{ onExpired: { active: false, templateKey: null }, onNew: { active: true, templateKey: null } }]);
  });
});
