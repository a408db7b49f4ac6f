import { NgTemplateOutlet } from '@angular/common';
import { Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { DATE_TRIGGER_ENTITIES, type Condition, type DateTrigger, type FlowTrigger, type YearlyTrigger } from '@stroom/dsl';
import { ConditionBuilderComponent } from '../controls/condition-builder.component';
import { DesignerContent } from '../designer-content';
import { DesignerStore } from '../designer-store';
import { NamePickerComponent } from '../name-picker.component';
import { dateFieldsOf, EXTRA_FIELD, extraFieldOf, freshDateTrigger, isExtraField, withEntity } from './date-trigger-fields';
import { putSettingAt, settingsOf } from './flow-setting-edits';

const TRIGGER_KINDS: FlowTrigger['kind'][] = ['manual', 'form_submitted', 'selection_added', 'link_clicked', 'condition', 'date', 'yearly'];

/**
 * When a person is proposed: one or more triggers (manual, a form, a selection, a link, a field
 * change with its condition, some days before or after a date, every year on a date). Persons moved
 * in from another flow are always proposed as well.
 */
@Component({
  selector: 'st-triggers-section',
  imports: [ConditionBuilderComponent, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, NamePickerComponent, NgTemplateOutlet, TranslocoPipe],
  styleUrl: '../designer.css',
  template: `
    <h3>{{ 'designerForms.triggers.title' | transloco }}</h3>
    @for (t of triggers(); track $index; let i = $index) {
      <div class="setting-group" [attr.data-trigger]="i">
        <div class="row">
          <mat-form-field>
            <mat-label>{{ i === 0 ? ('designer.fields.trigger' | transloco) : ('designerForms.triggers.nth' | transloco: { n: i + 1 }) }}</mat-label>
            <mat-select [value]="t.kind" (selectionChange)="put(i, fresh($event.value))" [disabled]="readOnly()">
              @for (k of kinds; track k) { <mat-option [value]="k">{{ 'designer.triggers.' + k | transloco }}</mat-option> }
            </mat-select>
          </mat-form-field>
          <button mat-button type="button" (click)="put(i, undefined)" [disabled]="readOnly()"
            [attr.aria-label]="'designerForms.triggers.remove' | transloco: { n: i + 1 }">×</button>
        </div>
        @switch (t.kind) {
          @case ('form_submitted') {
            <mat-form-field>
              <mat-label>{{ 'designer.fields.form' | transloco }}</mat-label>
              <mat-select [value]="t.form" (selectionChange)="put(i, { kind: 'form_submitted', form: $event.value })" [disabled]="readOnly()">
                @for (f of forms(); track f.key) { <mat-option [value]="f.key">{{ f.name }} ({{ f.key }})</mat-option> }
                @if (t.form && !knownForm(t.form)) { <mat-option [value]="t.form">{{ t.form }}</mat-option> }
              </mat-select>
            </mat-form-field>
          }
          @case ('selection_added') {
            <st-name-picker collection="selections" [label]="'designer.fields.selection' | transloco" [value]="t.selection"
              (picked)="put(i, { kind: 'selection_added', selection: $event })" [name]="'triggerSelection' + i" [disabled]="readOnly()" />
          }
          @case ('condition') {
            <st-condition-builder [condition]="t.condition" [label]="'designerForms.triggers.conditionLabel' | transloco" [name]="'trigger' + i"
              [allowChanged]="true" [required]="true" (changed)="setCondition(i, $event)" [disabled]="readOnly()" />
          }
          @case ('date') {
            <div class="row">
              <mat-form-field>
                <mat-label>{{ 'designer.fields.amount' | transloco }}</mat-label>
                <input matInput type="number" min="0" step="1" [value]="t.amount" (change)="setAmount(i, t, $event)" [name]="'triggerAmount' + i" [disabled]="readOnly()" />
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'designer.fields.unit' | transloco }}</mat-label>
                <mat-select [value]="t.unit" (selectionChange)="put(i, { ...t, unit: $event.value })" [disabled]="readOnly()">
                  <mat-option value="days">{{ 'designer.units.days' | transloco }}</mat-option>
                  <mat-option value="workdays">{{ 'designer.units.workdays' | transloco }}</mat-option>
                </mat-select>
              </mat-form-field>
            </div>
            <div class="row">
              <mat-form-field>
                <mat-label>{{ 'designerForms.triggers.direction' | transloco }}</mat-label>
                <mat-select [value]="t.direction" (selectionChange)="put(i, { ...t, direction: $event.value })" [disabled]="readOnly()">
                  <mat-option value="before">{{ 'designerForms.triggers.before' | transloco }}</mat-option>
                  <mat-option value="after">{{ 'designerForms.triggers.after' | transloco }}</mat-option>
                </mat-select>
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'designerForms.triggers.entity' | transloco }}</mat-label>
                <mat-select [value]="t.entity" (selectionChange)="put(i, withEntity(t, $event.value))" [disabled]="readOnly()">
                  @for (e of entities; track e) { <mat-option [value]="e">{{ 'designerForms.triggers.entities.' + e | transloco }}</mat-option> }
                </mat-select>
              </mat-form-field>
            </div>
            <ng-container *ngTemplateOutlet="dateField; context: { $implicit: t, i: i }" />
            @if (isExtra(t)) { <ng-container *ngTemplateOutlet="extraName; context: { $implicit: t, i: i }" /> }
          }
          @case ('yearly') {
            <ng-container *ngTemplateOutlet="dateField; context: { $implicit: t, i: i }" />
            @if (isExtra(t)) { <ng-container *ngTemplateOutlet="extraName; context: { $implicit: t, i: i }" /> }
          }
        }
      </div>
    }
    @if (!triggers().length) { <p class="hint">{{ 'designer.triggers.none' | transloco }}</p> }
    <ng-template #dateField let-t let-i="i">
      <div class="row"><mat-form-field>
        <mat-label>{{ 'designerForms.triggers.dateField' | transloco }}</mat-label>
        <mat-select [value]="isExtra(t) ? extraChoice : t.field" (selectionChange)="setField(i, t, $event.value)" [disabled]="readOnly()">
          @for (f of dateFields(t); track f) { <mat-option [value]="f">{{ t.entity }}.{{ f }}</mat-option> }
          @if (t.entity === 'person') { <mat-option [value]="extraChoice">{{ 'designerForms.triggers.extraField' | transloco }}</mat-option> }
        </mat-select>
      </mat-form-field></div>
    </ng-template>
    <ng-template #extraName let-t let-i="i">
      <div class="row"><mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'designerForms.triggers.extraName' | transloco }}</mat-label>
        <input matInput [value]="t.field.slice(6)" (change)="setExtra(i, t, $event)" [name]="'triggerExtra' + i" [disabled]="readOnly()" />
      </mat-form-field></div>
      <p class="hint">{{ 'designerForms.triggers.extraHint' | transloco }}</p>
      @if (badExtra() === i) { <p class="error" role="alert">{{ 'designerForms.triggers.extraError' | transloco }}</p> }
    </ng-template>
    <button mat-stroked-button type="button" (click)="add()" [disabled]="readOnly()">{{ 'designerForms.triggers.add' | transloco }}</button>
    <p class="hint">{{ 'designerForms.triggers.movedIn' | transloco }}</p>
  `,
})
export class TriggersSectionComponent {
  readonly readOnly = input(false);
  private readonly store = inject(DesignerStore);
  protected readonly forms = inject(DesignerContent).forms;
  protected readonly kinds = TRIGGER_KINDS;
  protected readonly triggers = computed(() => settingsOf(this.store.flow(), 'trigger').map((s) => s.trigger));
  protected readonly entities = DATE_TRIGGER_ENTITIES;
  protected readonly extraChoice = EXTRA_FIELD;
  protected readonly withEntity = withEntity;
  /** The trigger whose typed own-field name is no name (it keeps the field it had). */
  protected readonly badExtra = signal<number | undefined>(undefined);

  /** The date fields offered: the record's, plus a field written on the DSL tab that the list does not know (kept as it is). */
  protected dateFields(t: DateTrigger | YearlyTrigger): string[] {
    const fields = dateFieldsOf(t.entity);
    return fields.includes(t.field) || this.isExtra(t) ? fields : [...fields, t.field];
  }

  protected isExtra(t: DateTrigger | YearlyTrigger): boolean {
    return isExtraField(t.entity, t.field);
  }

  protected setField(n: number, t: DateTrigger | YearlyTrigger, field: string): void {
    if (field === EXTRA_FIELD) {
      if (!this.isExtra(t)) this.put(n, { ...t, field: t.kind === 'yearly' ? 'extra.birthday' : 'extra.date' });
    } else {
      this.put(n, { ...t, field });
    }
  }

  protected setExtra(n: number, t: DateTrigger | YearlyTrigger, event: Event): void {
    const field = extraFieldOf((event.target as HTMLInputElement).value);
    this.badExtra.set(field ? undefined : n);
    if (field) this.put(n, { ...t, field });
  }

  protected setAmount(n: number, t: DateTrigger, event: Event): void {
    const amount = Math.floor(Number((event.target as HTMLInputElement).value));
    if (Number.isFinite(amount) && amount >= 0) this.put(n, { ...t, amount });
  }

  protected knownForm(key: string): boolean {
    return this.forms().some((f) => f.key === key);
  }

  /** A trigger of `kind` with what it starts from: the first form, an empty selection, a change of the person's category, a person's date. */
  protected fresh(kind: FlowTrigger['kind']): FlowTrigger {
    switch (kind) {
      case 'form_submitted': return { kind, form: this.forms()[0]?.key ?? '' };
      case 'selection_added': return { kind, selection: '' };
      case 'condition': return { kind, condition: { kind: 'changed', field: 'person.category' } };
      case 'date':
      case 'yearly': return freshDateTrigger(kind);
      default: return { kind } as FlowTrigger;
    }
  }

  protected put(n: number, trigger: FlowTrigger | undefined): void {
    this.store.updateFlow((flow) => putSettingAt(flow, 'trigger', n, trigger ? { kind: 'trigger', trigger } : undefined));
  }

  protected setCondition(n: number, condition: Condition | undefined): void {
    if (condition) this.put(n, { kind: 'condition', condition });
  }

  /** Another trigger: manual enrolment when the flow has none of that yet, else a form. */
  protected add(): void {
    const hasManual = this.triggers().some((t) => t.kind === 'manual');
    this.put(this.triggers().length, this.fresh(hasManual ? 'form_submitted' : 'manual'));
  }
}
