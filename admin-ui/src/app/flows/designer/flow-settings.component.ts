import { Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { DesignerStore } from './designer-store';
import { AudienceSectionComponent } from './flow-forms/audience-section.component';
import { ExitSectionComponent } from './flow-forms/exit-section.component';
import { SendingSectionComponent } from './flow-forms/sending-section.component';
import { SuccessSectionComponent } from './flow-forms/success-section.component';
import { TriggersSectionComponent } from './flow-forms/triggers-section.component';

/** The start of the flow: its triggers, who is admitted, leaving and coming back, how messages go out, and when it succeeds. */
@Component({
  selector: 'st-flow-settings',
  imports: [AudienceSectionComponent, ExitSectionComponent, SendingSectionComponent, SuccessSectionComponent, TranslocoPipe, TriggersSectionComponent],
  styleUrl: './designer.css',
  template: `
    <h2>{{ 'designer.flowSettings' | transloco }}</h2>
    @if (problems().length) {
      <ul class="problems">@for (p of problems(); track $index) { <li>{{ p }}</li> }</ul>
    }
    <fieldset [disabled]="readOnly()" class="settings">
      <st-triggers-section [readOnly]="readOnly()" />
      <st-audience-section [readOnly]="readOnly()" />
      <st-exit-section [readOnly]="readOnly()" />
      <st-sending-section [readOnly]="readOnly()" />
      <st-success-section [readOnly]="readOnly()" />
    </fieldset>
  `,
})
export class FlowSettingsComponent {
  readonly readOnly = input(false);
  private readonly store = inject(DesignerStore);
  protected readonly problems = computed(() => (this.store.problems().get('') ?? []).map((p) => p.message));
}
