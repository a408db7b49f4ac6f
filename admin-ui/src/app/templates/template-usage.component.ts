import { Component, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Api } from '../core/api';
import type { ApiSchema } from '../core/api-schema';

export type TemplateUsage = ApiSchema<'TemplateUsage'>;
type Setting = NonNullable<TemplateUsage['workflows'][number]['setting']>;
type StatusKind = Extract<Setting, { kind: 'status' }>['statusKind'];

/** The workflow-settings tab where a setting's workflow is edited. */
const SETTING_TABS: Record<StatusKind | 'task_type', string> = {
  quote_request: 'quote-request-statuses', opportunity: 'opportunity-statuses', intake_measure: 'intake-measures', task_type: 'task-types',
};

export interface UsageLink {
  kind: 'workflow' | 'setting' | 'flow';
  name: string;
  link: string[];
}

/** Where a template is used, as links: flows, status and task-type settings, and workflows written in the DSL. */
export function usageLinks(usage: TemplateUsage): UsageLink[] {
  return [
    ...usage.flows.map((f) => ({ kind: 'flow' as const, name: f.name, link: ['/flows', f.id] })),
    ...usage.workflows.map((w) => {
      if (!w.setting) return { kind: 'workflow' as const, name: w.name, link: ['/dsl'] };
      const tab = SETTING_TABS[w.setting.kind === 'status' ? w.setting.statusKind : 'task_type'];
      return { kind: 'setting' as const, name: w.name, link: ['/workflows', tab] };
    }),
  ];
}

/** "Gebruikt in: flow Welkom, statusinstelling Offerte aangevraagd" with links, or "Nergens". */
@Component({
  selector: 'st-template-usage',
  imports: [RouterLink, TranslocoPipe],
  styles: `:host { display: inline; } ul { display: inline; margin: 0; padding: 0; } li { display: inline; } li + li::before { content: ', '; }`,
  template: `
    <span data-usage>
      @if (!bare()) { {{ 'content.columns.usage' | transloco }}:&ngsp; }
      @if (links(); as items) {
        @if (items.length === 0) { {{ 'content.usage.none' | transloco }} }
        @else {
          <ul>@for (u of items; track $index) { <li><a [routerLink]="u.link">{{ 'content.usage.' + u.kind | transloco: { name: u.name } }}</a></li> }</ul>
        }
      } @else { {{ 'content.usage.loading' | transloco }} }
    </span>
  `,
})
export class TemplateUsageComponent {
  private readonly api = inject(Api);
  readonly templateId = input.required<string>();
  /** Without the "Used in:" label (in a column of that name). */
  readonly bare = input(false);
  readonly links = signal<UsageLink[] | undefined>(undefined);

  constructor() {
    effect(() => {
      const id = this.templateId();
      void this.api.get<TemplateUsage>(`/api/templates/${id}/usage`).then((usage) => this.links.set(usageLinks(usage)), () => this.links.set([]));
    });
  }
}
