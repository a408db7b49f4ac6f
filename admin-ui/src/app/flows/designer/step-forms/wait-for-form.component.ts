import { Component, computed, inject } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { stepsInOrder, type WaitEvent } from '@stroom/dsl';
import { DesignerContent } from '../designer-content';
import { DurationFieldComponent } from '../controls/duration-field.component';
import { LeaveOptionsComponent } from '../controls/leave-options.component';
import { StepForm } from './step-form';

/** Wacht op actie: the action waited for, the maximum wait (7 days unless set), and what a time-out does. */
@Component({
  selector: 'st-wait-for-form',
  imports: [DurationFieldComponent, LeaveOptionsComponent, MatFormFieldModule, MatSelectModule, TranslocoPipe],
  styleUrl: '../designer.css',
  template: `
    @let s = step();
    <mat-form-field>
      <mat-label>{{ 'designer.fields.event' | transloco }}</mat-label>
      <mat-select [value]="s.event.kind" (selectionChange)="chooseEvent($event.value)" [disabled]="readOnly()">
        @for (e of events; track e) { <mat-option [value]="e">{{ 'designer.events.' + e | transloco }}</mat-option> }
      </mat-select>
    </mat-form-field>
    @if (s.event.kind !== 'form_submitted') {
      @let ev = s.event;
      <mat-form-field>
        <mat-label>{{ 'designerForms.waitFor.step' | transloco }}</mat-label>
        <mat-select [value]="ev.step ?? ''" (selectionChange)="set('event', $event.value ? { kind: ev.kind, step: $event.value } : { kind: ev.kind })" [disabled]="readOnly()">
          <mat-option value="">{{ 'designerForms.waitFor.anyStep' | transloco }}</mat-option>
          @for (e of emailSteps(); track e.id) { <mat-option [value]="e.id">{{ e.id }}: {{ e.template }}</mat-option> }
          @if (ev.step && !knownStep(ev.step)) { <mat-option [value]="ev.step">{{ ev.step }}</mat-option> }
        </mat-select>
      </mat-form-field>
    }
    @if (s.event.kind === 'form_submitted') {
      <mat-form-field>
        <mat-label>{{ 'designer.fields.form' | transloco }}</mat-label>
        <mat-select [value]="s.event.form" (selectionChange)="set('event', { kind: 'form_submitted', form: $event.value })" [disabled]="readOnly()">
          @for (f of forms(); track f.key) { <mat-option [value]="f.key">{{ f.name }} ({{ f.key }})</mat-option> }
          @if (s.event.form && !knownForm(s.event.form)) { <mat-option [value]="s.event.form">{{ s.event.form }}</mat-option> }
        </mat-select>
      </mat-form-field>
    }
    <st-duration-field [duration]="s.atMost ?? { amount: 7, unit: 'days' }" [label]="'designer.fields.atMost' | transloco" name="atMost"
      (changed)="set('atMost', $event)" [disabled]="readOnly()" />
    <mat-form-field>
      <mat-label>{{ 'designer.fields.onTimeout' | transloco }}</mat-label>
      <mat-select [value]="s.onTimeout?.kind ?? 'continue'" (selectionChange)="set('onTimeout', $event.value === 'leave' ? { kind: 'leave', actions: [] } : { kind: 'continue' })" [disabled]="readOnly()">
        <mat-option value="continue">{{ 'designer.timeout.continue' | transloco }}</mat-option>
        <mat-option value="leave">{{ 'designer.timeout.leave' | transloco }}</mat-option>
      </mat-select>
    </mat-form-field>
    @if (s.onTimeout?.kind === 'leave') {
      <st-leave-options [step]="s" (changed)="leave($event)" [disabled]="readOnly()" />
    }
  `,
})
export class WaitForFormComponent extends StepForm<'wait_for'> {
  protected readonly events: WaitEvent['kind'][] = ['link_clicked', 'email_opened', 'form_submitted'];
  protected readonly forms = inject(DesignerContent).forms;
  /** The flow's e-mail steps: a click or open may be waited for in one of them. */
  protected readonly emailSteps = computed(() => stepsInOrder(this.store.flow().steps).filter((s) => s.kind === 'send_email'));

  protected knownStep(id: string): boolean {
    return this.emailSteps().some((s) => s.id === id);
  }

  protected knownForm(key: string): boolean {
    return this.forms().some((f) => f.key === key);
  }

  protected chooseEvent(kind: WaitEvent['kind']): void {
    this.set('event', kind === 'form_submitted' ? { kind, form: '' } : { kind });
  }

}
