import { NgComponentOutlet } from '@angular/common';
import { Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { DesignerStore } from './designer-store';
import { itemOf } from './step-kinds';
import { STEP_FORMS } from './step-forms/step-forms';

/** The settings panel of one step: its title, what is still missing, and the form of its kind. */
@Component({
  selector: 'st-step-settings',
  imports: [NgComponentOutlet, TranslocoPipe],
  styleUrl: './designer.css',
  template: `
    @if (step(); as s) {
      <h2>{{ 'designer.steps.' + itemOf(s).key | transloco }} <span class="step-id">{{ s.id }}</span></h2>
      @if (problems().length) {
        <ul class="problems" [attr.aria-label]="'designer.missing' | transloco">
          @for (p of problems(); track $index) { <li>{{ p }}</li> }
        </ul>
      }
      <!-- One form per step: another step of the same kind gets a fresh form (no typed state carried over). -->
      @for (id of [s.id]; track id) {
        <fieldset [disabled]="readOnly()" class="settings">
          <ng-container *ngComponentOutlet="forms[s.kind]; inputs: { step: s, readOnly: readOnly() }" />
        </fieldset>
      }
    }
  `,
})
export class StepSettingsComponent {
  readonly stepId = input.required<string>();
  readonly readOnly = input(false);
  private readonly store = inject(DesignerStore);
  protected readonly step = computed(() => this.store.step(this.stepId()));
  protected readonly problems = computed(() => (this.store.problems().get(this.stepId()) ?? []).map((p) => p.message));
  protected readonly itemOf = itemOf;
  protected readonly forms = STEP_FORMS;
}
