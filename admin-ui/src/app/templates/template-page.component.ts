import { Component, HostListener, effect, inject, input, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Api, errorMessage } from '../core/api';
import { warnBeforeUnload, type DirtyForm } from '../core/unsaved-changes';
import { EmailDesignerComponent } from './email-designer.component';
import { TemplateEditorComponent, type Template } from './template-editor.component';
import { TemplateUsageComponent } from './template-usage.component';

/**
 * One template on a page of its own (`/templates/:id`, where other pages link to): a designed
 * e-mail in the block designer, an HTML e-mail or SMS text in the text editor.
 */
@Component({
  selector: 'st-template-page',
  imports: [EmailDesignerComponent, RouterLink, TemplateEditorComponent, TemplateUsageComponent, TranslocoPipe],
  styles: `
    .page { max-width: none; }
    h1 small { font-size: 14px; opacity: 0.75; margin-left: 8px; }
    .head { display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: baseline; }
  `,
  template: `
    <section class="page">
      <p><a routerLink="/templates">← {{ 'content.back' | transloco }}</a></p>
      @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
      @if (template(); as t) {
        <div class="head">
          <h1>{{ t.name }} <small><code>{{ t.key }}</code></small></h1>
          <st-template-usage [templateId]="t.id" />
        </div>
        @if (t.channel === 'email' && t.format === 'mjml') {
          <st-email-designer [template]="t" (saves)="template.set($event)" />
        } @else {
          <st-template-editor [id]="t.id" [heading]="false" />
        }
      }
    </section>
  `,
})
export class TemplatePageComponent implements DirtyForm {
  private readonly api = inject(Api);
  /** The route's `:id`. */
  readonly id = input.required<string>();
  readonly template = signal<Template | undefined>(undefined);
  readonly error = signal('');
  private readonly designer = viewChild(EmailDesignerComponent);
  private readonly editor = viewChild(TemplateEditorComponent);

  constructor() {
    effect(() => void this.load(this.id()));
  }

  isDirty(): boolean {
    return this.designer()?.isDirty() ?? this.editor()?.isDirty() ?? false;
  }

  @HostListener('window:beforeunload', ['$event'])
  warnBeforeUnload(event: BeforeUnloadEvent): void {
    warnBeforeUnload(event, this);
  }

  private async load(id: string): Promise<void> {
    try {
      this.template.set(await this.api.get<Template>(`/api/templates/${id}`));
      this.error.set('');
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }
}
