import { Component } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { PartyFieldComponent } from '../controls/party-field.component';
import { TemplatePickerComponent } from '../controls/template-picker.component';
import { StepForm } from './step-form';

/** Melden via e-mail: to our contact, our service contact or an address; its own subject and text, or a template. */
@Component({
  selector: 'st-notify-email-form',
  imports: [MatFormFieldModule, MatInputModule, MatSelectModule, PartyFieldComponent, TemplatePickerComponent, TranslocoPipe],
  styleUrl: '../designer.css',
  template: `
    @let s = step();
    <st-party-field [party]="s.to" [roles]="['our_contact', 'service_contact']" other="address" [label]="'designer.fields.to' | transloco" name="to"
      (changed)="$event && set('to', $event)" [disabled]="readOnly()" />
    <mat-form-field>
      <mat-label>{{ 'designerForms.sms.content' | transloco }}</mat-label>
      <mat-select [value]="s.template !== undefined ? 'template' : 'text'" (selectionChange)="chooseContent($event.value)" [disabled]="readOnly()">
        <mat-option value="text">{{ 'designerForms.notify.ownText' | transloco }}</mat-option>
        <mat-option value="template">{{ 'designerForms.notify.template' | transloco }}</mat-option>
      </mat-select>
    </mat-form-field>
    @if (s.template !== undefined) {
      <st-template-picker [template]="s.template" (picked)="set('template', $event)" [disabled]="readOnly()" />
    } @else {
      <mat-form-field>
        <mat-label>{{ 'designer.fields.subject' | transloco }}</mat-label>
        <input matInput [value]="s.subject ?? ''" (change)="set('subject', value($event) || undefined)" name="notifySubject" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'designerForms.notify.text' | transloco }}</mat-label>
        <textarea matInput rows="4" [value]="s.text ?? ''" (change)="set('text', value($event) || undefined)" name="notifyEmailText"></textarea>
      </mat-form-field>
    }
  `,
})
export class NotifyEmailFormComponent extends StepForm<'notify_email'> {
  /** A template, or the step's own subject and text: one or the other is written. */
  protected chooseContent(kind: 'template' | 'text'): void {
    this.edit((step) => {
      if (kind === 'template') {
        delete step.subject;
        delete step.text;
        step.template = '';
      } else {
        delete step.template;
        step.subject = '';
        step.text = '';
      }
    });
  }
}
