import { Component, signal } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { LeaveOptionsComponent } from '../controls/leave-options.component';
import { SmsCounterComponent } from '../../../templates/sms-counter.component';
import { TemplatePickerComponent } from '../controls/template-picker.component';
import { StepForm } from './step-form';

/**
 * SMS versenden: its own text (with a live count of characters and parts, counted as the service
 * counts what it sends: GSM-7 or UCS-2) or an SMS template,
 * what happens to a participant without a mobile number: the next step, or leaving the flow; and
 * whether it is transactional (exempt from the contact policy).
 */
@Component({
  selector: 'st-send-sms-form',
  imports: [LeaveOptionsComponent, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, SmsCounterComponent, TemplatePickerComponent, TranslocoPipe],
  styleUrl: '../designer.css',
  template: `
    @let s = step();
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ 'designerForms.notify.from' | transloco }}</mat-label>
      <input matInput [value]="step().from ?? ''" (change)="set('from', value($event).trim() || undefined)" name="smsFrom" maxlength="15" />
      <mat-hint>{{ 'designerForms.notify.fromHint' | transloco }}</mat-hint>
    </mat-form-field>
    <mat-form-field>
      <mat-label>{{ 'designerForms.sms.content' | transloco }}</mat-label>
      <mat-select [value]="s.message.kind" (selectionChange)="set('message', $event.value === 'template' ? { kind: 'template', template: '' } : { kind: 'text', text: '' })" [disabled]="readOnly()">
        <mat-option value="text">{{ 'designerForms.sms.text' | transloco }}</mat-option>
        <mat-option value="template">{{ 'designerForms.sms.template' | transloco }}</mat-option>
      </mat-select>
    </mat-form-field>
    @if (s.message; as message) {
      @if (message.kind === 'text') {
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'designer.fields.smsText' | transloco }}</mat-label>
          <textarea matInput rows="4" [value]="message.text" (input)="typed.set(value($event))" (change)="set('message', { kind: 'text', text: value($event) })" name="smsText"></textarea>
        </mat-form-field>
        <st-sms-counter [text]="typed() ?? message.text" />
      } @else {
        <st-template-picker channel="sms" [template]="message.template" (picked)="set('message', { kind: 'template', template: $event })" [disabled]="readOnly()" />
      }
    }
    <mat-form-field>
      <mat-label>{{ 'designerForms.sms.noMobile' | transloco }}</mat-label>
      <mat-select [value]="s.ifNoMobile?.kind ?? 'skip'" (selectionChange)="set('ifNoMobile', $event.value === 'leave' ? { kind: 'leave', actions: [] } : { kind: 'skip' })" [disabled]="readOnly()">
        <mat-option value="skip">{{ 'designerForms.sms.skip' | transloco }}</mat-option>
        <mat-option value="leave">{{ 'designerForms.sms.leave' | transloco }}</mat-option>
      </mat-select>
    </mat-form-field>
    @if (s.ifNoMobile?.kind === 'leave') {
      <st-leave-options [step]="s" (changed)="leave($event)" [disabled]="readOnly()" />
    }
    <mat-checkbox [checked]="!!s.transactional" (change)="set('transactional', $event.checked || undefined)" [disabled]="readOnly()">{{ 'designerForms.transactional' | transloco }}</mat-checkbox>
    <p class="hint">{{ 'designerForms.transactionalHint' | transloco }}</p>
  `,
})
export class SendSmsFormComponent extends StepForm<'send_sms'> {
  protected readonly typed = signal<string | null>(null);
}
