import { Component } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { FollowUpDate } from '@stroom/dsl';
import { DurationFieldComponent } from '../controls/duration-field.component';
import { PartyFieldComponent } from '../controls/party-field.component';
import { NamePickerComponent } from '../name-picker.component';
import { StepForm } from './step-form';

/** Vervolgactiviteit maken: title, type, project, when, who it is assigned to, and the agenda text. */
@Component({
  selector: 'st-follow-up-form',
  imports: [DurationFieldComponent, MatFormFieldModule, MatInputModule, MatSelectModule, NamePickerComponent, PartyFieldComponent, TranslocoPipe],
  styleUrl: '../designer.css',
  template: `
    @let s = step();
    <mat-form-field><mat-label>{{ 'designer.fields.title' | transloco }}</mat-label>
      <input matInput [value]="s.title" (change)="set('title', value($event))" name="followUpTitle" /></mat-form-field>
    <mat-form-field><mat-label>{{ 'designer.fields.type' | transloco }}</mat-label>
      <input matInput [value]="s.type" (change)="set('type', value($event))" name="followUpType" /></mat-form-field>
    <st-name-picker collection="projects" [label]="'designerForms.followUp.project' | transloco" [value]="s.project ?? ''"
      (picked)="set('project', $event || undefined)" name="followUpProject" [disabled]="readOnly()" />
    <mat-form-field><mat-label>{{ 'designer.fields.when' | transloco }}</mat-label>
      <mat-select [value]="s.date.kind" (selectionChange)="chooseDate($event.value)" [disabled]="readOnly()">
        <mat-option value="first_available">{{ 'designer.followUpDate.first_available' | transloco }}</mat-option>
        <mat-option value="after">{{ 'designer.followUpDate.after' | transloco }}</mat-option>
        <mat-option value="task_date">{{ 'designer.followUpDate.task_date' | transloco }}</mat-option>
      </mat-select></mat-form-field>
    @if (s.date.kind === 'after') {
      <st-duration-field [duration]="s.date.duration" [label]="'designer.fields.amount' | transloco" name="followUpAmount" [units]="dayUnits"
        (changed)="set('date', { kind: 'after', duration: $event })" [disabled]="readOnly()" />
    }
    <st-party-field [party]="s.assign" [roles]="['our_contact', 'service_contact']" [label]="'designer.fields.assign' | transloco" name="assign"
      (changed)="$event && set('assign', $event)" [disabled]="readOnly()" />
    <mat-form-field><mat-label>{{ 'designerForms.followUp.agenda' | transloco }}</mat-label>
      <textarea matInput rows="3" [value]="s.agenda ?? ''" (change)="set('agenda', value($event) || undefined)" name="followUpAgenda"></textarea></mat-form-field>
  `,
})
export class FollowUpFormComponent extends StepForm<'create_follow_up'> {
  protected readonly dayUnits = ['days', 'workdays', 'weeks'] as const;

  protected chooseDate(kind: FollowUpDate['kind']): void {
    this.set('date', kind === 'after' ? { kind, duration: { amount: 3, unit: 'workdays' } } : { kind });
  }
}
