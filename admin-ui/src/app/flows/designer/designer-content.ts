import { Injectable, inject, signal } from '@angular/core';
import { Api } from '../../core/api';
import type { ApiSchema } from '../../core/api-schema';

export type TemplateOption = Pick<ApiSchema<'Template'>, 'id' | 'key' | 'name' | 'channel'>;
export type FormOption = Pick<ApiSchema<'Form'>, 'key' | 'name'>;

/** The content the designer's pickers offer: templates, forms and webhook secret names (read again with each flow opened). */
@Injectable()
export class DesignerContent {
  private readonly api = inject(Api);
  readonly templates = signal<TemplateOption[]>([]);
  readonly forms = signal<FormOption[]>([]);
  /** The names of the installation's webhook secrets (never their values); undefined until known. */
  readonly secrets = signal<string[] | undefined>(undefined);

  load(): void {
    void this.api.get<ApiSchema<'TemplateList'>>('/api/templates', { limit: 1000 }).then((page) => this.templates.set(page.items)).catch(() => undefined);
    void this.api.get<ApiSchema<'FormList'>>('/api/forms', { limit: 1000 }).then((page) => this.forms.set(page.items)).catch(() => undefined);
    void this.api.get<ApiSchema<'DslNames'>>('/api/dsl/names').then((names) => this.secrets.set(names.secrets)).catch(() => undefined);
  }
}
