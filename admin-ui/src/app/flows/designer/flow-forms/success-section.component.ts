import { NgTemplateOutlet } from '@angular/common';
import { Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { ENTITIES, stepsInOrder, type CompleteStep, type Entity, type Step, type SuccessCriterion } from '@stroom/dsl';
import { outcomeFlow, setOutcomeFlow } from '../complete-actions';
import { fieldType, typedValue, valueText } from '../controls/condition-rows';
import { DesignerContent } from '../designer-content';
import { DesignerStore } from '../designer-store';
import { NamePickerComponent } from '../name-picker.component';
import { putSetting, settingOf } from './flow-setting-edits';

type Simple = 'sale' | 'follow_up' | 'request' | 'link_clicked';
type Listed = 'form_submitted' | 'added_to' | 'field_changed';
type Criterion<K extends SuccessCriterion['kind']> = Extract<SuccessCriterion, { kind: K }>;

/**
 * When a participant counts as successful (any of: a sale, follow-up or request created, a link
 * clicked, a form submitted, added to a selection or project, the person updated) and whether the
 * flow then stops or goes on. Each criterion keeps its place in the text.
 */
@Component({
  selector: 'st-success-section',
  imports: [MatButtonModule, NgTemplateOutlet, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, NamePickerComponent, TranslocoPipe],
  styleUrl: '../designer.css',
  template: `
    <h3>{{ 'designer.successTitle' | transloco }}</h3>
    @for (key of simple; track key) {
      <mat-checkbox [checked]="has(key)" (change)="toggle(key, $event.checked)" [disabled]="readOnly()">{{ 'designer.success.' + key | transloco }}</mat-checkbox>
    }
    @for (c of criteria(); track $index; let i = $index) {
      @let n = rowNumber(i);
      @switch (c.kind) {
        @case ('form_submitted') {
          <div class="row criterion">
            <mat-form-field>
              <mat-label>{{ 'designerForms.success.form' | transloco }}</mat-label>
              <mat-select [value]="c.form" (selectionChange)="replace(i, { kind: 'form_submitted', form: $event.value })" [disabled]="readOnly()">
                @for (f of forms(); track f.key) { <mat-option [value]="f.key">{{ f.name }} ({{ f.key }})</mat-option> }
                @if (c.form && !knownForm(c.form)) { <mat-option [value]="c.form">{{ c.form }}</mat-option> }
              </mat-select>
            </mat-form-field>
            <ng-container *ngTemplateOutlet="remove; context: { $implicit: i, n: n }" />
          </div>
        }
        @case ('added_to') {
          <div class="row criterion">
            <mat-form-field>
              <mat-label>{{ 'designerForms.success.addedTo' | transloco }}</mat-label>
              <mat-select [value]="c.target" (selectionChange)="replace(i, { kind: 'added_to', target: $event.value, name: c.name })" [disabled]="readOnly()">
                <mat-option value="selection">{{ 'designer.targets.selection' | transloco }}</mat-option>
                <mat-option value="project">{{ 'designer.targets.project' | transloco }}</mat-option>
              </mat-select>
            </mat-form-field>
            <st-name-picker [collection]="c.target === 'project' ? 'projects' : 'selections'" [label]="'designer.fields.name' | transloco" [value]="c.name"
              (picked)="replace(i, { kind: 'added_to', target: c.target, name: $event })" [name]="'successName' + i" [disabled]="readOnly()" />
            <ng-container *ngTemplateOutlet="remove; context: { $implicit: i, n: n }" />
          </div>
        }
        @case ('field_changed') {
          <div class="row criterion">
            <mat-form-field>
              <mat-label>{{ 'designerForms.success.field' | transloco }}</mat-label>
              <input matInput [value]="c.entity + '.' + c.field" (change)="setField(i, c, $event)" [name]="'successField' + i" [disabled]="readOnly()" />
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'designerForms.success.from' | transloco }}</mat-label>
              <input matInput [value]="shown(c.from)" (change)="setChange(i, c, 'from', $event)" [name]="'successFrom' + i" [disabled]="readOnly()" />
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'designerForms.success.to' | transloco }}</mat-label>
              <input matInput [value]="shown(c.to)" (change)="setChange(i, c, 'to', $event)" [name]="'successTo' + i" [disabled]="readOnly()" />
            </mat-form-field>
            <ng-container *ngTemplateOutlet="remove; context: { $implicit: i, n: n }" />
          </div>
        }
      }
    }
    <div class="row">
      @for (k of listed; track k) {
        <button mat-stroked-button type="button" (click)="add(k)" [disabled]="readOnly()">+ {{ 'designerForms.success.kinds.' + k | transloco }}</button>
      }
    </div>
    @if (success(); as sc) {
      <mat-form-field>
        <mat-label>{{ 'designer.fields.successThen' | transloco }}</mat-label>
        <mat-select [value]="sc.then ?? 'stop'" (selectionChange)="setThen($event.value)" [disabled]="readOnly()">
          <mat-option value="stop">{{ 'designer.success.stop' | transloco }}</mat-option>
          <mat-option value="continue">{{ 'designer.success.continue' | transloco }}</mat-option>
        </mat-select>
      </mat-form-field>
      @if (completeSteps().length) {
        <st-name-picker collection="flows" [label]="'designerForms.success.moveTo' | transloco" [value]="successFlow()"
          [hint]="'designerForms.success.moveToHint' | transloco: { n: completeSteps().length }" (picked)="setSuccessFlow($event)" name="successFlow" [disabled]="readOnly()" />
      } @else {
        <p class="hint">{{ 'designerForms.success.moveHint' | transloco }}</p>
      }
    }
    <ng-template #remove let-i let-n="n">
      <button mat-button type="button" (click)="removeAt(i)" [disabled]="readOnly()" [attr.aria-label]="'designerForms.success.remove' | transloco: { n: n }">×</button>
    </ng-template>
  `,
})
export class SuccessSectionComponent {
  readonly readOnly = input(false);
  private readonly store = inject(DesignerStore);
  protected readonly forms = inject(DesignerContent).forms;
  protected readonly simple: Simple[] = ['sale', 'follow_up', 'request', 'link_clicked'];
  protected readonly listed: Listed[] = ['form_submitted', 'added_to', 'field_changed'];
  protected readonly success = computed(() => settingOf(this.store.flow(), 'success'));
  protected readonly criteria = computed(() => this.success()?.criteria ?? []);
  protected readonly shown = valueText;
  protected readonly completeSteps = computed(() => completeStepsOf(this.store.flow().steps));
  /** The flow every Voltooid step proposes successful participants to ('' when none, or when they differ). */
  protected readonly successFlow = computed(() => {
    const flows = new Set(this.completeSteps().map((step) => outcomeFlow(step, 'success')));
    return flows.size === 1 ? [...flows][0]! : '';
  });

  /** Successful participants reach a Voltooid step (with "continue"): each proposes them to this flow. */
  protected setSuccessFlow(name: string): void {
    this.store.updateFlow((flow) => {
      for (const step of completeStepsOf(flow.steps)) setOutcomeFlow(step, 'success', name);
    });
  }

  /** The place of criterion `i` among the rows shown (the checkboxes' criteria have no row). */
  protected rowNumber(index: number): number {
    return this.criteria().slice(0, index + 1).filter((c) => simpleKey(c) === undefined).length;
  }

  protected knownForm(key: string): boolean {
    return this.forms().some((f) => f.key === key);
  }

  protected has(key: Simple): boolean {
    return this.criteria().some((c) => simpleKey(c) === key);
  }

  protected toggle(key: Simple, on: boolean): void {
    const criteria = this.criteria().filter((c) => simpleKey(c) !== key);
    if (on) criteria.push(key === 'link_clicked' ? { kind: 'link_clicked' } : { kind: 'record_created', entity: key });
    this.put(criteria);
  }

  protected add(kind: Listed): void {
    const fresh: Record<Listed, SuccessCriterion> = {
      form_submitted: { kind: 'form_submitted', form: this.forms()[0]?.key ?? '' },
      added_to: { kind: 'added_to', target: 'selection', name: '' },
      field_changed: { kind: 'field_changed', entity: 'person', field: 'category' },
    };
    this.put([...this.criteria(), fresh[kind]]);
  }

  protected replace(index: number, criterion: SuccessCriterion): void {
    this.put(this.criteria().map((c, i) => (i === index ? criterion : c)));
  }

  protected removeAt(index: number): void {
    this.put(this.criteria().filter((_, i) => i !== index));
  }

  /** `person.category` (or `company.…`): the record and its field. */
  protected setField(index: number, criterion: Criterion<'field_changed'>, event: Event): void {
    const path = (event.target as HTMLInputElement).value.trim();
    const dot = path.indexOf('.');
    const entity = path.slice(0, dot) as Entity;
    if (dot < 1 || !ENTITIES.includes(entity)) return;
    this.replace(index, { ...criterion, entity, field: path.slice(dot + 1) });
  }

  /** The value before or after the change; empty: any value. */
  protected setChange(index: number, criterion: Criterion<'field_changed'>, which: 'from' | 'to', event: Event): void {
    const typed = (event.target as HTMLInputElement).value;
    const next: Criterion<'field_changed'> = { ...criterion };
    if (typed.trim() === '') delete next[which];
    else next[which] = typedValue(typed, fieldType(`${criterion.entity}.${criterion.field}`), criterion[which]);
    this.replace(index, next);
  }

  protected setThen(then: 'stop' | 'continue'): void {
    const current = this.success();
    if (current) this.store.updateFlow((flow) => putSetting(flow, 'success', { ...current, then }));
  }

  /** No criteria left: the success setting goes (a `then` alone cannot be written). */
  private put(criteria: SuccessCriterion[]): void {
    const current = this.success();
    this.store.updateFlow((flow) => putSetting(flow, 'success', criteria.length ? { ...(current ?? {}), kind: 'success', criteria } : undefined));
  }
}

function completeStepsOf(steps: readonly Step[]): CompleteStep[] {
  return stepsInOrder(steps).filter((step): step is CompleteStep => step.kind === 'complete');
}

function simpleKey(criterion: SuccessCriterion): Simple | undefined {
  if (criterion.kind === 'link_clicked') return 'link_clicked';
  return criterion.kind === 'record_created' ? criterion.entity : undefined;
}
