import { Component } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { PartyFieldComponent } from '../controls/party-field.component';
import { StepForm } from './step-form';

/** Verzoek maken: title, request type, status, category, priority, owner and message. */
@Component({
  selector: 'st-request-form',
  imports: [MatFormFieldModule, MatInputModule, PartyFieldComponent, TranslocoPipe],
  styleUrl: '../designer.css',
  template: `
    @let s = step();
    <mat-form-field><mat-label>{{ 'designer.fields.title' | transloco }}</mat-label>
      <input matInput [value]="s.title" (change)="set('title', value($event))" name="requestTitle" /></mat-form-field>
    <mat-form-field><mat-label>{{ 'designer.fields.type' | transloco }}</mat-label>
      <input matInput [value]="s.type" (change)="set('type', value($event))" name="requestType" /></mat-form-field>
    <mat-form-field><mat-label>{{ 'designer.fields.status' | transloco }}</mat-label>
      <input matInput [value]="s.status" (change)="set('status', value($event))" name="requestStatus" /></mat-form-field>
    <div class="row">
      <mat-form-field><mat-label>{{ 'designerForms.request.category' | transloco }}</mat-label>
        <input matInput [value]="s.category ?? ''" (change)="set('category', value($event) || undefined)" name="requestCategory" /></mat-form-field>
      <mat-form-field><mat-label>{{ 'designerForms.request.priority' | transloco }}</mat-label>
        <input matInput [value]="s.priority ?? ''" (change)="set('priority', value($event) || undefined)" name="requestPriority" /></mat-form-field>
    </div>
    <st-party-field [party]="s.owner" [roles]="['auto', 'unassigned']" [label]="'designer.fields.owner' | transloco" name="owner"
      (changed)="$event && set('owner', $event)" [disabled]="readOnly()" />
    <mat-form-field><mat-label>{{ 'designerForms.request.message' | transloco }}</mat-label>
      <textarea matInput rows="4" [value]="s.message ?? ''" (change)="set('message', value($event) || undefined)" name="requestMessage"></textarea></mat-form-field>
  `,
})
export class RequestFormComponent extends StepForm<'create_request'> {}
