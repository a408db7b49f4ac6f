import { Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, translate } from '@jsverse/transloco';
import { Api, errorMessage } from '../../../core/api';
import type { ApiSchema } from '../../../core/api-schema';
import { TemplatePickerComponent } from '../controls/template-picker.component';
import { DesignerContent } from '../designer-content';
import { NameListComponent } from '../controls/name-list.component';
import { StepForm } from './step-form';

/**
 * E-mail versenden: the template (an existing one, the key of one still to be written, or a new one
 * made here and opened in the content editor), the subject, the attachments, and whether it is
 * transactional (exempt from the contact policy).
 */
@Component({
  selector: 'st-send-email-form',
  imports: [MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, NameListComponent, TemplatePickerComponent, TranslocoPipe],
  styleUrl: '../designer.css',
  template: `
    @let s = step();
    <st-template-picker [template]="s.template" (picked)="set('template', $event)" [disabled]="readOnly()" />
    <div class="row">
      <button mat-stroked-button type="button" (click)="createEmail()" [disabled]="readOnly() || creating()">{{ 'designerForms.email.newEmail' | transloco }}</button>
      @if (templateId(); as id) { <a mat-button [href]="'/templates/' + id" target="_blank" rel="noopener">{{ 'designerForms.email.open' | transloco }}</a> }
    </div>
    @if (message()) { <p class="note" role="status">{{ message() }}</p> }
    <mat-form-field>
      <mat-label>{{ 'designer.fields.newTemplateKey' | transloco }}</mat-label>
      <input matInput [value]="s.template" (change)="set('template', value($event))" name="templateKey" />
    </mat-form-field>
    <mat-form-field>
      <mat-label>{{ 'designer.fields.subject' | transloco }}</mat-label>
      <input matInput [value]="s.subject ?? ''" (change)="set('subject', value($event) || undefined)" name="subject" />
    </mat-form-field>
    <h3>{{ 'designerForms.email.attachments' | transloco }}</h3>
    <st-name-list collection="files" [names]="s.attachments" itemKey="designerForms.email.attachment" removeKey="designerForms.email.removeAttachment"
      addKey="designerForms.email.addAttachment" name="attachment" (changed)="setAttachment($event.index, $event.name)" [disabled]="readOnly()" />
    <mat-checkbox [checked]="!!s.transactional" (change)="set('transactional', $event.checked || undefined)" [disabled]="readOnly()">{{ 'designerForms.transactional' | transloco }}</mat-checkbox>
    <p class="hint">{{ 'designerForms.transactionalHint' | transloco }}</p>
  `,
})
export class SendEmailFormComponent extends StepForm<'send_email'> {
  private readonly api = inject(Api);
  private readonly content = inject(DesignerContent);
  protected readonly creating = signal(false);
  protected readonly message = signal('');
  protected readonly templateId = computed(() => this.content.templates().find((t) => t.key === this.step().template && t.channel === 'email')?.id);

  /** Sets (or with '' removes) attachment `n`; n = their number adds one. */
  protected setAttachment(n: number, name: string): void {
    const file = name.trim();
    if (!file && n >= this.step().attachments.length) return;
    this.edit((step) => {
      if (file) step.attachments[n] = file;
      else step.attachments.splice(n, 1);
    });
  }

  /**
   * "Nieuwe e-mail": a template made now under a key of the flow and the step (numbered when that is
   * taken), chosen for this step, and opened in the content editor in a new tab.
   */
  protected async createEmail(): Promise<void> {
    this.creating.set(true);
    this.message.set('');
    const flow = this.store.flow().name;
    const base = `${slug(flow)}-${this.step().id}`;
    try {
      const made = await this.createUnder(base, flow);
      this.set('template', made.key);
      this.content.load();
      this.message.set(translate('designerForms.email.created', { key: made.key }));
      window.open(`/templates/${made.id}`, '_blank', 'noopener');
    } catch (error) {
      this.message.set(errorMessage(error));
    } finally {
      this.creating.set(false);
    }
  }

  private async createUnder(base: string, flow: string): Promise<ApiSchema<'Template'>> {
    const subject = this.step().subject ?? flow;
    for (let n = 1; ; n++) {
      const key = n === 1 ? base : `${base}-${n}`;
      try {
        return await this.api.post<ApiSchema<'Template'>>('/api/templates', {
          key, name: `${flow} (${this.step().id})`, channel: 'email', subject, body: '<p>Beste {{ person.first_name }},</p>\n<p></p>\n',
        });
      } catch (error) {
        if ((error as { status?: number }).status !== 409 || n >= 20) throw error;
      }
    }
  }
}

/** A template key from a flow's name: lower case letters, digits and dashes. */
function slug(name: string): string {
  const plain = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return plain.slice(0, 60) || 'flow';
}
