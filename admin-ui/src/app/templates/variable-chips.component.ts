import { Component, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { liquidOf, PICKER_VARIABLES, VARIABLE_GROUPS, type PickerVariable } from './merge-variables';

/**
 * The merge-variable picker: a chip per variable, grouped (person, company, our contact, links).
 * Choosing one does not take the focus from the text being edited, so it lands at the caret.
 */
@Component({
  selector: 'st-variable-chips',
  imports: [TranslocoPipe],
  styles: `
    :host { display: block; }
    .group { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; margin: 4px 0; }
    .group h4 { margin: 0; min-width: 9rem; font-weight: 500; }
    .hint { margin: 0 0 4px; opacity: 0.8; }
    .chip { border: 1px solid #9fb7e0; background: #e8f0fe; color: #0b3d91; border-radius: 16px; padding: 4px 12px; font: inherit; cursor: pointer; }
    .chip:hover, .chip:focus-visible { background: #d2e3fc; }
  `,
  template: `
    <section [attr.aria-label]="'content.variables' | transloco" data-variable-picker>
      <h3>{{ 'content.variables' | transloco }}</h3>
      <p class="hint">{{ hint() ?? ('content.variablesHint' | transloco) }}</p>
      @for (group of groups; track group) {
        <div class="group">
          <h4>{{ 'content.groups.' + group | transloco }}</h4>
          @for (v of variablesOf(group); track v.path) {
            <button type="button" class="chip" (mousedown)="$event.preventDefault()" (click)="picked.emit(v.path)"
                    [attr.data-variable]="v.path" [attr.title]="liquid(v.path)">{{ 'content.variableNames.' + v.path | transloco }}</button>
          }
        </div>
      }
    </section>
  `,
})
export class VariableChipsComponent {
  readonly picked = output<string>();
  readonly only = input<readonly string[] | undefined>(undefined);
  /** How to use the chips where they are; the designer's words unless given. */
  readonly hint = input<string | undefined>(undefined);
  readonly groups = VARIABLE_GROUPS;
  readonly liquid = liquidOf;

  variablesOf(group: string): PickerVariable[] {
    const only = this.only();
    return PICKER_VARIABLES.filter((v) => v.group === group && (!only || only.includes(v.path)));
  }
}
