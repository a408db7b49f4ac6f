import { Component, computed, inject, input, signal } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { conditionText, FLOW_SETTING_ORDER, type Flow, type FlowSetting, type FlowTrigger, type SuccessCriterion } from '@stroom/dsl';
import { parseCondition } from './condition-text';
import { DesignerStore } from './designer-store';
import { NamePickerComponent } from './name-picker.component';

type TriggerKind = 'manual' | 'form_submitted' | 'selection_added' | 'link_clicked';

/** The flow's own settings: name, trigger, filter (checked once at enrolment), sender and reply-to. */
@Component({
  selector: 'st-flow-settings',
  imports: [MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, NamePickerComponent, TranslocoPipe],
  styleUrl: './designer.css',
  template: `
    <h2>{{ 'designer.flowSettings' | transloco }}</h2>
    @if (problems().length) {
      <ul class="problems">@for (p of problems(); track $index) { <li>{{ p }}</li> }</ul>
    }
    <fieldset [disabled]="readOnly()" class="settings">
      <mat-form-field>
        <mat-label>{{ 'designer.fields.trigger' | transloco }}</mat-label>
        <mat-select [value]="trigger()?.kind ?? 'none'" (selectionChange)="setTrigger($event.value)" [disabled]="readOnly()" name="trigger">
          <mat-option value="none">{{ 'designer.triggers.none' | transloco }}</mat-option>
          @for (k of triggerKinds; track k) { <mat-option [value]="k">{{ 'designer.triggers.' + k | transloco }}</mat-option> }
          @if (trigger()?.kind === 'condition') { <mat-option value="condition">{{ 'designer.triggers.condition' | transloco }}</mat-option> }
        </mat-select>
      </mat-form-field>
      @if (trigger(); as t) {
        @if (t.kind === 'form_submitted') {
          <mat-form-field>
            <mat-label>{{ 'designer.fields.form' | transloco }}</mat-label>
            <mat-select [value]="t.form" (selectionChange)="replaceTrigger({ kind: 'form_submitted', form: $event.value })" [disabled]="readOnly()" name="triggerForm">
              @for (f of forms(); track f.key) { <mat-option [value]="f.key">{{ f.name }} ({{ f.key }})</mat-option> }
              @if (t.form && !knownForm(t.form)) { <mat-option [value]="t.form">{{ t.form }}</mat-option> }
            </mat-select>
          </mat-form-field>
        }
        @if (t.kind === 'selection_added') {
          <st-name-picker collection="selections" [label]="'designer.fields.selection' | transloco" [value]="t.selection"
            (picked)="replaceTrigger({ kind: 'selection_added', selection: $event })" name="triggerSelection" [disabled]="readOnly()" />
        }
      }
      <mat-form-field>
        <mat-label>{{ 'designer.fields.filter' | transloco }}</mat-label>
        <input matInput [value]="filterText()" (change)="setFilter(value($event))" name="filter" placeholder='person.category = "lead"' />
        <mat-hint>{{ 'designer.filterHint' | transloco }}</mat-hint>
      </mat-form-field>
      @if (filterError()) { <p class="error" role="alert">{{ 'designer.conditionError' | transloco }}</p> }
      <mat-form-field>
        <mat-label>{{ 'designer.fields.sender' | transloco }}</mat-label>
        <input matInput [value]="text('sender')" (change)="setText('sender', value($event))" name="sender" placeholder="Naam <adres@voorbeeld.nl>" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'designer.fields.replyTo' | transloco }}</mat-label>
        <input matInput [value]="text('reply_to')" (change)="setText('reply_to', value($event))" name="replyTo" />
      </mat-form-field>
      <st-name-picker collection="selections" [label]="'designer.fields.exclude' | transloco" [value]="exclusion()" (picked)="setExclusion($event)"
        name="exclude" [disabled]="readOnly()" />
      <mat-checkbox [checked]="oncePerPerson()" (change)="setOnce($event.checked)" [disabled]="readOnly()">{{ 'designer.fields.once' | transloco }}</mat-checkbox>
      <h3>{{ 'designer.successTitle' | transloco }}</h3>
      @for (c of simpleCriteria; track c.key) {
        <mat-checkbox [checked]="hasCriterion(c.key)" (change)="setCriterion(c.key, $event.checked)" [disabled]="readOnly()">{{ 'designer.success.' + c.key | transloco }}</mat-checkbox>
      }
      @if (otherCriteria()) { <p class="hint">{{ 'designer.successOther' | transloco: { n: otherCriteria() } }}</p> }
      @if (success(); as sc) {
        <mat-form-field>
          <mat-label>{{ 'designer.fields.successThen' | transloco }}</mat-label>
          <mat-select [value]="sc.then ?? 'stop'" (selectionChange)="setThen($event.value)" [disabled]="readOnly()">
            <mat-option value="stop">{{ 'designer.success.stop' | transloco }}</mat-option>
            <mat-option value="continue">{{ 'designer.success.continue' | transloco }}</mat-option>
          </mat-select>
        </mat-form-field>
      }
    </fieldset>
  `,
})
export class FlowSettingsComponent {
  readonly readOnly = input(false);
  readonly forms = input<{ key: string; name: string }[]>([]);
  protected readonly store = inject(DesignerStore);
  protected readonly triggerKinds: TriggerKind[] = ['manual', 'form_submitted', 'selection_added', 'link_clicked'];
  protected readonly filterError = signal(false);
  protected readonly problems = computed(() => (this.store.problems().get('') ?? []).map((p) => p.message));
  protected readonly trigger = computed(() => settingOf(this.store.flow(), 'trigger')?.trigger);
  protected readonly filterText = computed(() => {
    const filter = settingOf(this.store.flow(), 'filter');
    return filter ? conditionText(filter.condition) : '';
  });

  protected readonly simpleCriteria: { key: SimpleCriterion }[] = [{ key: 'sale' }, { key: 'follow_up' }, { key: 'request' }, { key: 'link_clicked' }];
  protected readonly success = computed(() => settingOf(this.store.flow(), 'success'));
  protected readonly oncePerPerson = computed(() => settingOf(this.store.flow(), 'once_per_person') !== undefined);
  protected readonly exclusion = computed(() => settingOf(this.store.flow(), 'exclude')?.selection ?? '');
  /** Criteria the checkboxes do not show (a form, a selection, a field change): kept, and counted here. */
  protected readonly otherCriteria = computed(() => (this.success()?.criteria ?? []).filter((c) => simpleKey(c) === undefined).length);

  protected hasCriterion(key: SimpleCriterion): boolean {
    return (this.success()?.criteria ?? []).some((c) => simpleKey(c) === key);
  }

  protected setCriterion(key: SimpleCriterion, on: boolean): void {
    const current = this.success();
    const criteria = (current?.criteria ?? []).filter((c) => simpleKey(c) !== key);
    if (on) criteria.push(key === 'link_clicked' ? { kind: 'link_clicked' } : { kind: 'record_created', entity: key });
    this.put('success', criteria.length ? { ...(current ?? { kind: 'success' }), kind: 'success', criteria } : undefined);
  }

  protected setThen(then: 'stop' | 'continue'): void {
    const current = this.success();
    if (current) this.put('success', { ...current, then });
  }

  protected setOnce(on: boolean): void {
    this.put('once_per_person', on ? { kind: 'once_per_person' } : undefined);
  }

  protected setExclusion(selection: string): void {
    this.put('exclude', selection.trim() ? { kind: 'exclude', selection: selection.trim() } : undefined);
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected knownForm(key: string): boolean {
    return this.forms().some((f) => f.key === key);
  }

  protected text(kind: 'sender' | 'reply_to'): string {
    const setting = this.store.flow().settings.find((s) => s.kind === kind);
    return setting?.kind === 'sender' || setting?.kind === 'reply_to' ? setting.address : '';
  }

  protected setText(kind: 'sender' | 'reply_to', address: string): void {
    this.put(kind, address.trim() ? { kind, address: address.trim() } : undefined);
  }

  protected setTrigger(kind: TriggerKind | 'none' | 'condition'): void {
    if (kind === 'condition') return;
    const trigger: FlowTrigger | undefined = kind === 'none' ? undefined
      : kind === 'form_submitted' ? { kind, form: this.forms()[0]?.key ?? '' }
      : kind === 'selection_added' ? { kind, selection: '' } : { kind };
    this.replaceTrigger(trigger);
  }

  protected replaceTrigger(trigger: FlowTrigger | undefined): void {
    this.put('trigger', trigger ? { kind: 'trigger', trigger } : undefined);
  }

  protected setFilter(text: string): void {
    if (!text.trim()) {
      this.filterError.set(false);
      this.put('filter', undefined);
      return;
    }
    const condition = parseCondition(text);
    this.filterError.set(!condition);
    if (condition) this.put('filter', { kind: 'filter', condition });
  }

  /** Replaces the first setting of `kind` (keeping its comments) or adds it in the canonical order; undefined removes it. */
  private put(kind: FlowSetting['kind'], setting: FlowSetting | undefined): void {
    this.store.updateFlow((flow) => {
      const index = flow.settings.findIndex((s) => s.kind === kind);
      if (index >= 0) {
        const comments = flow.settings[index]!.comments;
        if (setting) flow.settings[index] = comments ? { ...setting, comments } : setting;
        else flow.settings.splice(index, 1);
        return;
      }
      if (!setting) return;
      const order = FLOW_SETTING_ORDER.indexOf(kind);
      const at = flow.settings.findIndex((s) => FLOW_SETTING_ORDER.indexOf(s.kind) > order);
      flow.settings.splice(at < 0 ? flow.settings.length : at, 0, setting);
    });
  }
}

type SimpleCriterion = 'sale' | 'follow_up' | 'request' | 'link_clicked';

function simpleKey(criterion: SuccessCriterion): SimpleCriterion | undefined {
  if (criterion.kind === 'link_clicked') return 'link_clicked';
  return criterion.kind === 'record_created' ? criterion.entity : undefined;
}

function settingOf<K extends FlowSetting['kind']>(flow: Flow, kind: K): Extract<FlowSetting, { kind: K }> | undefined {
  return flow.settings.find((s) => s.kind === kind) as Extract<FlowSetting, { kind: K }> | undefined;
}
