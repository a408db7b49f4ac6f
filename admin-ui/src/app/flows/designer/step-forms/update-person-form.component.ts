import { Component } from '@angular/core';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { STANDARD_FIELDS, type UpdateOperation, type Value } from '@stroom/dsl';
import { fieldType, typedValue } from '../controls/condition-rows';
import { StepForm } from './step-form';

/** Persoon bijwerken: rows of field, action (set, clear, add, remove, increase) and value, as a bulk update. */
@Component({
  selector: 'st-update-person-form',
  imports: [MatAutocompleteModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe],
  styleUrl: '../designer.css',
  template: `
    @for (op of step().operations; track $index; let o = $index) {
      <div class="row">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'designer.fields.field' | transloco }}</mat-label>
          <input matInput #fieldInput #fieldTrigger="matAutocompleteTrigger" [value]="op.field" [matAutocomplete]="personFields"
            (change)="fieldTrigger.panelOpen || setField(o, fieldInput.value.trim())" [name]="'field' + o" />
          <mat-autocomplete #personFields="matAutocomplete" (optionSelected)="setField(o, $event.option.value)">
            @for (f of fields; track f) { <mat-option [value]="f">{{ f }}</mat-option> }
          </mat-autocomplete>
          <mat-hint>{{ 'designerForms.updatePerson.extraHint' | transloco }}</mat-hint>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'designer.fields.action' | transloco }}</mat-label>
          <mat-select [value]="op.kind" (selectionChange)="setKind(o, $event.value)" [disabled]="readOnly()">
            @for (k of kinds; track k) { <mat-option [value]="k">{{ 'designer.operations.' + k | transloco }}</mat-option> }
          </mat-select>
        </mat-form-field>
        @if (op.kind !== 'clear') {
          <mat-form-field>
            <mat-label>{{ 'designer.fields.value' | transloco }}</mat-label>
            <input matInput [value]="shownValue(op)" (change)="setValue(o, value($event))" [name]="'value' + o" />
          </mat-form-field>
        }
        <button mat-button type="button" (click)="removeRow(o)" [disabled]="readOnly()">{{ 'designer.removeRow' | transloco }}</button>
      </div>
    }
    <button mat-stroked-button type="button" (click)="addRow()" [disabled]="readOnly()">{{ 'designer.addRow' | transloco }}</button>
  `,
})
export class UpdatePersonFormComponent extends StepForm<'update_person'> {
  protected readonly kinds: UpdateOperation['kind'][] = ['set', 'clear', 'add', 'remove', 'increase'];
  /** The person's fields a flow may write (written without `person.`); `extra.<name>` may be typed too. */
  protected readonly fields = Object.keys(STANDARD_FIELDS.person).filter((f) => !READ_ONLY.includes(f));

  protected shownValue(op: UpdateOperation): string {
    if (op.kind === 'clear') return '';
    return String(op.kind === 'increase' ? op.by : op.value);
  }

  protected setField(index: number, field: string): void {
    if (field === this.step().operations[index]?.field) return;
    this.edit((step) => { step.operations[index]!.field = field; });
  }

  protected setKind(index: number, kind: UpdateOperation['kind']): void {
    this.edit((step) => {
      const op = step.operations[index]!;
      step.operations[index] = operation(kind, op.field, this.shownValue(op), op.comments, valueOf(op));
    });
  }

  protected setValue(index: number, value: string): void {
    this.edit((step) => {
      const op = step.operations[index]!;
      step.operations[index] = operation(op.kind, op.field, value, op.comments, valueOf(op));
    });
  }

  protected addRow(): void {
    this.edit((step) => { step.operations.push({ kind: 'set', field: 'category', value: '' }); });
  }

  protected removeRow(index: number): void {
    this.edit((step) => { step.operations.splice(index, 1); });
  }
}

const READ_ONLY = ['id', 'full_name', 'created_at', 'updated_at'];

function valueOf(op: UpdateOperation): Value | undefined {
  return op.kind === 'clear' ? undefined : op.kind === 'increase' ? op.by : op.value;
}

/** A field operation row; the typed value as the field's type wants it (a number for increase). */
function operation(kind: UpdateOperation['kind'], field: string, text: string, comments?: string[], before?: Value): UpdateOperation {
  const extra = comments ? { comments } : {};
  const value = typedValue(text, fieldType(`person.${field}`), before);
  switch (kind) {
    case 'clear': return { kind, field, ...extra };
    case 'increase': return { kind, field, by: Number(text) || 1, ...extra };
    default: return { kind, field, value, ...extra };
  }
}
