import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { Router } from '@angular/router';
import { translate } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { Api } from '../core/api';
import type { ApiSchema } from '../core/api-schema';
import { ConfirmDialogComponent, type ConfirmData } from '../core/confirm-dialog.component';
import { NewTemplateDialogComponent } from './new-template-dialog.component';
import type { Template } from './template-editor.component';

const CONFIRM_REMOVE: ConfirmData = { title: 'content.confirmRemove.title', text: 'content.confirmRemove.text', confirm: 'content.confirmRemove.confirm' };

/** The name and key of a copy: "<name> (kopie)", "(kopie 2)", … and a key beside it, each free. */
export function copyNames(template: Pick<Template, 'name' | 'key'>, taken: { names: Set<string>; keys: Set<string> }): { name: string; key: string } {
  for (let n = 1; ; n++) {
    const name = `${template.name} (kopie${n === 1 ? '' : ` ${n}`})`;
    const key = `${template.key}-kopie${n === 1 ? '' : `-${n}`}`;
    if (!taken.names.has(name) && !taken.keys.has(key)) return { name, key };
  }
}

/** New, copy and delete of templates, for the list and a template's page. */
@Injectable({ providedIn: 'root' })
export class TemplateActions {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);

  /** Asks channel, name and key, creates the template and opens it. */
  async create(): Promise<void> {
    const id = await firstValueFrom(this.dialog.open(NewTemplateDialogComponent, { width: '480px' }).afterClosed());
    if (id) await this.router.navigate(['/templates', id]);
  }

  async copy(id: string): Promise<Template> {
    const [original, all] = await Promise.all([this.api.get<Template>(`/api/templates/${id}`), this.api.get<ApiSchema<'TemplateList'>>('/api/templates', { limit: 1000 })]);
    const names = copyNames(original, { names: new Set(all.items.map((t) => t.name)), keys: new Set(all.items.map((t) => t.key)) });
    return this.api.post<Template>('/api/templates', {
      ...names, channel: original.channel, format: original.format, subject: original.subject, body: original.body,
    });
  }

  /**
   * Deletes after a confirmation; false when cancelled. A template that rules still use is refused
   * by the server (409): thrown in words naming those rules.
   */
  async remove(template: Pick<Template, 'id' | 'name'>): Promise<boolean> {
    const data = { ...CONFIRM_REMOVE, params: { name: template.name } };
    if ((await firstValueFrom(this.dialog.open(ConfirmDialogComponent, { data }).afterClosed())) !== true) return false;
    try {
      await this.api.delete(`/api/templates/${template.id}`);
    } catch (error) {
      const rules = (error as { status?: number; error?: { details?: { rules?: string[] } } }).error?.details?.rules;
      if ((error as { status?: number }).status === 409 && rules) throw new Error(translate('content.inUse', { name: template.name, rules: rules.join(', ') }));
      throw error;
    }
    return true;
  }
}
