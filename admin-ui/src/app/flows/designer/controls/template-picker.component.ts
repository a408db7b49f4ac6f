import { Component, computed, inject, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { DesignerContent } from '../designer-content';

/** Picks a template of one channel (e-mail unless told) by key; a key written but not there yet stays choosable (the check marks it). */
@Component({
  selector: 'st-template-picker',
  imports: [MatFormFieldModule, MatSelectModule, TranslocoPipe],
  styleUrl: '../designer.css',
  template: `
    <mat-form-field>
      <mat-label>{{ (channel() === 'sms' ? 'designerForms.sms.smsTemplate' : 'designer.fields.template') | transloco }}</mat-label>
      <mat-select [value]="template()" (selectionChange)="picked.emit($event.value)" [disabled]="disabled()">
        @for (t of ofChannel(); track t.key) { <mat-option [value]="t.key">{{ t.name }} ({{ t.key }})</mat-option> }
        @if (template() && !known()) { <mat-option [value]="template()">{{ template() }} — {{ 'designer.notThereYet' | transloco }}</mat-option> }
      </mat-select>
    </mat-form-field>
  `,
})
export class TemplatePickerComponent {
  readonly template = input.required<string>();
  readonly channel = input<'email' | 'sms'>('email');
  readonly disabled = input(false);
  readonly picked = output<string>();
  private readonly content = inject(DesignerContent);
  protected readonly ofChannel = computed(() => this.content.templates().filter((t) => t.channel === this.channel()));
  protected readonly known = computed(() => this.content.templates().some((t) => t.key === this.template()));
}
