import { Component, computed, input, output, signal } from '@angular/core';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { conditionText, type Condition } from '@stroom/dsl';
import { parseCondition } from '../condition-text';
import {
  conditionOfRows, fieldOptions, fieldType, ROW_OPERATORS, rowsOf, rowValue, takesValue, valueText,
  type ConditionRow, type ConditionRows, type FieldScope, type RowOperator,
} from './condition-rows';

const NEW_ROW: ConditionRow = { field: 'person.category', operator: '=', value: '' };

/**
 * A condition as rows of field, operator and value, joined by "and" or "or". What rows cannot show
 * (`not`, mixed brackets, `changed from`) is edited as text, the way the DSL writes it; so is anything
 * else when the user switches to text.
 */
@Component({
  selector: 'st-condition-builder',
  imports: [MatAutocompleteModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe],
  styleUrl: '../designer.css',
  template: `
    <div class="condition-builder" role="group" [attr.aria-label]="label()" [attr.data-condition]="name()">
      <div class="builder-head">
        <span class="builder-label">{{ label() }}</span>
        @if (rows()) {
          <button mat-button type="button" (click)="asText.set(!asText())" [disabled]="disabled()">
            {{ (asText() ? 'designerForms.condition.asRows' : 'designerForms.condition.asText') | transloco }}
          </button>
        }
      </div>
      @if (rows() && !asText()) {
        @let r = rows()!;
        @if (r.rows.length > 1) {
          <mat-form-field>
            <mat-label>{{ 'designerForms.condition.join' | transloco }}</mat-label>
            <mat-select [value]="r.join" (selectionChange)="emitRows({ join: $event.value, rows: r.rows })" [disabled]="disabled()">
              <mat-option value="and">{{ 'designerForms.condition.and' | transloco }}</mat-option>
              <mat-option value="or">{{ 'designerForms.condition.or' | transloco }}</mat-option>
            </mat-select>
          </mat-form-field>
        }
        @for (row of r.rows; track $index; let i = $index) {
          <div class="row condition-row">
            <mat-form-field class="field">
              <mat-label>{{ 'designerForms.condition.field' | transloco: { n: i + 1 } }}</mat-label>
              <!-- A click on a suggestion (the panel still open) is no typed change: optionSelected sets the field. -->
              <input matInput #fieldInput #fieldTrigger="matAutocompleteTrigger" [value]="row.field" [matAutocomplete]="fields" (input)="query.set(fieldInput.value)"
                (focus)="query.set('')" (change)="fieldTrigger.panelOpen || setRow(i, { field: fieldInput.value.trim() })"
                [name]="name() + 'Field' + i" [disabled]="disabled()" />
              <mat-autocomplete #fields="matAutocomplete" (optionSelected)="setRow(i, { field: $event.option.value })">
                @for (group of groups(); track group.key) {
                  <mat-optgroup [label]="'designerForms.condition.groups.' + group.key | transloco">
                    @for (f of group.fields; track f) { <mat-option [value]="f">{{ f }}</mat-option> }
                  </mat-optgroup>
                }
              </mat-autocomplete>
            </mat-form-field>
            <mat-form-field class="operator">
              <mat-label>{{ 'designerForms.condition.operator' | transloco: { n: i + 1 } }}</mat-label>
              <mat-select [value]="row.operator" (selectionChange)="setOperator(i, $event.value)" [disabled]="disabled()">
                @for (op of operators(); track op) { <mat-option [value]="op">{{ 'designerForms.condition.operators.' + op | transloco }}</mat-option> }
              </mat-select>
            </mat-form-field>
            @if (takesValue(row.operator)) {
              <mat-form-field class="value" subscriptSizing="dynamic">
                <mat-label>{{ 'designerForms.condition.value' | transloco: { n: i + 1 } }}</mat-label>
                <input matInput [value]="text(row.value)" (change)="setValue(i, $event)" [name]="name() + 'Value' + i" [disabled]="disabled()" />
                @if (row.operator === 'in') { <mat-hint>{{ 'designerForms.condition.listHint' | transloco }}</mat-hint> }
              </mat-form-field>
            }
            @if (!required() || r.rows.length > 1) {
              <button mat-button type="button" class="remove-row" (click)="removeRow(i)" [disabled]="disabled()"
                [attr.aria-label]="'designerForms.condition.removeRow' | transloco: { n: i + 1 }">×</button>
            }
          </div>
        }
        <button mat-stroked-button type="button" (click)="emitRows({ join: r.join, rows: [...r.rows, newRow] })" [disabled]="disabled()">
          {{ 'designerForms.condition.addRow' | transloco }}
        </button>
      } @else {
        @if (!rows()) { <p class="hint">{{ 'designerForms.condition.textOnly' | transloco }}</p> }
        <mat-form-field>
          <mat-label>{{ 'designerForms.condition.text' | transloco }}</mat-label>
          <input matInput [value]="conditionAsText()" (change)="textTyped($event)" [name]="name() + 'Text'" [disabled]="disabled()" placeholder='person.category = "lead"' />
          @if (textError()) { <mat-error>{{ 'designer.conditionError' | transloco }}</mat-error> }
        </mat-form-field>
        @if (textError()) { <p class="error" role="alert">{{ 'designer.conditionError' | transloco }}</p> }
      }
    </div>
  `,
})
export class ConditionBuilderComponent {
  /** The condition shown; undefined: none yet (a filter without rows). */
  readonly condition = input.required<Condition | undefined>();
  readonly label = input.required<string>();
  readonly name = input('condition');
  /** Which fields are offered: a split also tests behaviour (`participant.clicked`). */
  readonly scope = input<FieldScope>('person');
  /** A field-change trigger also offers "changed (to)". */
  readonly allowChanged = input(false);
  /** A branch or trigger always has a condition: its last row cannot go. */
  readonly required = input(false);
  readonly disabled = input(false);
  readonly changed = output<Condition | undefined>();

  protected readonly asText = signal(false);
  protected readonly textError = signal(false);
  protected readonly query = signal('');
  protected readonly newRow = NEW_ROW;
  protected readonly takesValue = takesValue;
  protected readonly text = valueText;
  /** The rows of the condition (none yet: no rows), or undefined when only text can show it. */
  protected readonly rows = computed<ConditionRows | undefined>(() => {
    const condition = this.condition();
    return condition ? rowsOf(condition) : { join: 'and', rows: [] };
  });
  protected readonly conditionAsText = computed(() => {
    const condition = this.condition();
    return condition ? conditionText(condition) : '';
  });
  protected readonly operators = computed(() => ROW_OPERATORS.filter((op) => op !== 'changed' || this.allowChanged()));
  protected readonly groups = computed(() => {
    const q = this.query().trim().toLowerCase();
    const options = fieldOptions(this.scope()).filter((f) => !q || f.path.includes(q));
    const keys = [...new Set(options.map((f) => f.group))];
    return keys.map((key) => ({ key, fields: options.filter((f) => f.group === key).map((f) => f.path) }));
  });

  protected emitRows(rows: ConditionRows): void {
    this.changed.emit(conditionOfRows(rows));
  }

  protected setRow(index: number, patch: Partial<ConditionRow>): void {
    const rows = this.rows();
    if (!rows) return;
    const next = rows.rows.map((row, i) => (i === index ? { ...row, ...patch } : row));
    if (next[index]!.field === rows.rows[index]!.field && patch.field !== undefined) return;
    this.emitRows({ join: rows.join, rows: next });
  }

  protected setOperator(index: number, operator: RowOperator): void {
    const row = this.rows()?.rows[index];
    if (!row) return;
    this.setRow(index, { operator, value: rowValue(operator, valueText(row.value), fieldType(row.field), row.value) });
  }

  protected setValue(index: number, event: Event): void {
    const row = this.rows()?.rows[index];
    if (!row) return;
    this.setRow(index, { value: rowValue(row.operator, (event.target as HTMLInputElement).value, fieldType(row.field), row.value) });
  }

  protected removeRow(index: number): void {
    const rows = this.rows();
    if (rows) this.emitRows({ join: rows.join, rows: rows.rows.filter((_, i) => i !== index) });
  }

  protected textTyped(event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    if (!text.trim() && !this.required()) {
      this.textError.set(false);
      this.changed.emit(undefined);
      return;
    }
    const condition = parseCondition(text);
    this.textError.set(!condition);
    if (condition) this.changed.emit(condition);
  }
}
