import { Component } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { PartyFieldComponent } from '../controls/party-field.component';
import { StepForm } from './step-form';

/** Melden via SMS: to our contact, our service contact or a number; the text. */
@Component({
  selector: 'st-notify-sms-form',
  imports: [MatFormFieldModule, MatInputModule, PartyFieldComponent, TranslocoPipe],
  styleUrl: '../designer.css',
  template: `
    <st-party-field [party]="step().to" [roles]="['our_contact', 'service_contact']" other="address" [label]="'designer.fields.to' | transloco" name="to"
      (changed)="$event && set('to', $event)" [disabled]="readOnly()" />
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ 'designerForms.notify.from' | transloco }}</mat-label>
      <input matInput [value]="step().from ?? ''" (change)="set('from', value($event).trim() || undefined)" name="smsFrom" maxlength="15" />
      <mat-hint>{{ 'designerForms.notify.fromHint' | transloco }}</mat-hint>
    </mat-form-field>
    <mat-form-field>
      <mat-label>{{ 'designer.fields.smsText' | transloco }}</mat-label>
      <textarea matInput rows="3" [value]="step().text" (change)="set('text', value($event))" name="notifyText"></textarea>
    </mat-form-field>
  `,
})
export class NotifySmsFormComponent extends StepForm<'notify_sms'> {}
