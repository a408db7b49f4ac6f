import { Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Condition } from '@stroom/dsl';
import { ConditionBuilderComponent } from '../controls/condition-builder.component';
import { DesignerStore } from '../designer-store';
import { NameListComponent } from '../controls/name-list.component';
import { putSetting, putSettingAt, settingOf, settingsOf } from './flow-setting-edits';

/** Who is admitted: the filter (checked once at enrolment) and the exclusion lists. */
@Component({
  selector: 'st-audience-section',
  imports: [ConditionBuilderComponent, NameListComponent, TranslocoPipe],
  styleUrl: '../designer.css',
  template: `
    <h3>{{ 'designerForms.audience.title' | transloco }}</h3>
    <st-condition-builder [condition]="filter()" [label]="'designer.fields.filter' | transloco" name="filter" (changed)="setFilter($event)" [disabled]="readOnly()" />
    <p class="hint">{{ 'designer.filterHint' | transloco }}</p>
    <st-name-list collection="selections" [names]="exclusions()" itemKey="designerForms.audience.excludeNth" removeKey="designerForms.audience.removeExclusion"
      addKey="designerForms.audience.excludeMore" firstAddKey="designer.fields.exclude" name="exclude" (changed)="setExclusion($event.index, $event.name)" [disabled]="readOnly()" />
  `,
})
export class AudienceSectionComponent {
  readonly readOnly = input(false);
  private readonly store = inject(DesignerStore);
  protected readonly filter = computed(() => settingOf(this.store.flow(), 'filter')?.condition);
  protected readonly exclusions = computed(() => settingsOf(this.store.flow(), 'exclude').map((s) => s.selection));

  protected setFilter(condition: Condition | undefined): void {
    this.store.updateFlow((flow) => putSetting(flow, 'filter', condition ? { kind: 'filter', condition } : undefined));
  }

  protected setExclusion(n: number, name: string): void {
    const selection = name.trim();
    if (!selection && n >= this.exclusions().length) return;
    this.store.updateFlow((flow) => putSettingAt(flow, 'exclude', n, selection ? { kind: 'exclude', selection } : undefined));
  }
}
