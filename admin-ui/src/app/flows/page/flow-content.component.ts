import { Component, effect, inject, signal } from '@angular/core';
import { MatListModule } from '@angular/material/list';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Api, errorMessage } from '../../core/api';
import type { ApiSchema } from '../../core/api-schema';
import { FlowStore } from './flow-store';

type FlowContent = ApiSchema<'FlowContent'>;

/** "Inhoud flow": the mailings, SMS texts, forms and attachments the flow uses, each linking to its editor; what is still to be made. */
@Component({
  selector: 'st-flow-content',
  imports: [MatListModule, RouterLink, TranslocoPipe],
  styles: `
    section { margin-top: 16px; }
    h3 { margin: 16px 0 4px; font-size: 16px; }
    .missing { color: #b3261e; }
    .channel { font-size: 12px; opacity: 0.75; margin-left: 8px; }
  `,
  template: `
    @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
    @if (content(); as c) {
      <section data-flow-content>
        @if (empty(c)) { <p>{{ 'flowPageWords.content.none' | transloco }}</p> }
        @if (c.templates.length) {
          <h3>{{ 'flowPageWords.content.templates' | transloco }}</h3>
          <ul>
            @for (t of c.templates; track t.id) {
              <li><a [routerLink]="['/templates', t.id]" [attr.title]="'flowPageWords.content.openEditor' | transloco">{{ t.name }}</a>
                <span class="channel">{{ 'flowPageWords.content.channel.' + t.channel | transloco }} · <code>{{ t.key }}</code></span></li>
            }
          </ul>
        }
        @if (c.forms.length) {
          <h3>{{ 'flowPageWords.content.forms' | transloco }}</h3>
          <ul>@for (f of c.forms; track f.key) { <li><a [routerLink]="['/forms']" [queryParams]="{ key: f.key }">{{ f.name }}</a> <span class="channel"><code>{{ f.key }}</code></span></li> }</ul>
        }
        @if (c.files.length) {
          <h3>{{ 'flowPageWords.content.files' | transloco }}</h3>
          <ul>@for (f of c.files; track f.id) { <li><a [href]="'/api/files/' + f.id" target="_blank" rel="noopener">{{ f.name }}</a> <span class="channel">{{ 'flowPageWords.content.size' | transloco: { kb: kb(f.size) } }}</span></li> }</ul>
        }
        @if (missingCount(c)) {
          <h3 class="missing">{{ 'flowPageWords.content.missing' | transloco }}</h3>
          <ul class="missing" data-missing>
            @for (t of c.missing.templates; track t.key) { <li>{{ 'flowPageWords.content.notThereYet' | transloco: { name: t.key } }}</li> }
            @for (f of c.missing.forms; track f) { <li>{{ 'flowPageWords.content.notThereYet' | transloco: { name: f } }}</li> }
            @for (f of c.missing.files; track f) { <li>{{ 'flowPageWords.content.notThereYet' | transloco: { name: f } }}</li> }
          </ul>
        }
      </section>
    }
  `,
})
export class FlowContentComponent {
  private readonly api = inject(Api);
  private readonly store = inject(FlowStore);
  readonly content = signal<FlowContent | undefined>(undefined);
  readonly error = signal('');

  constructor() {
    effect(() => {
      const flow = this.store.flow();
      if (flow) void this.api.get<FlowContent>(`/api/flows/${flow.id}/content`).then((c) => this.content.set(c), (e: unknown) => this.error.set(errorMessage(e)));
    });
  }

  missingCount(c: FlowContent): number {
    return c.missing.templates.length + c.missing.forms.length + c.missing.files.length;
  }

  empty(c: FlowContent): boolean {
    return c.templates.length + c.forms.length + c.files.length + this.missingCount(c) === 0;
  }

  kb(size: number): number {
    return Math.max(1, Math.round(size / 1024));
  }
}
