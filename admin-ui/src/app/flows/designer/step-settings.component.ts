import { Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { NgTemplateOutlet } from '@angular/common';
import { conditionText, TIME_UNITS, type LeaveAction, type Party, type Step, type UpdateOperation } from '@stroom/dsl';
import { leaveTarget, setLeaveTarget } from './leave-options';
import { NamePickerComponent } from './name-picker.component';
import { parseCondition } from './condition-text';
import { DesignerStore } from './designer-store';
import { itemOf } from './step-kinds';

export interface TemplateOption {
  key: string;
  name: string;
  channel: 'email' | 'sms';
}

/** SMS segments as a phone counts them: 160 characters in one, 153 per segment beyond. */
export function smsSegments(length: number): number {
  return length <= 160 ? 1 : Math.ceil(length / 153);
}

/** The settings of one step as form controls; every change is one designer edit (undoable). */
@Component({
  selector: 'st-step-settings',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, NamePickerComponent, NgTemplateOutlet, TranslocoPipe],
  styleUrl: './designer.css',
  template: `
    @if (step(); as s) {
      <h2>{{ 'designer.steps.' + itemOf(s).key | transloco }} <span class="step-id">{{ s.id }}</span></h2>
      @if (problems().length) {
        <ul class="problems" [attr.aria-label]="'designer.missing' | transloco">
          @for (p of problems(); track $index) { <li>{{ p }}</li> }
        </ul>
      }
      <fieldset [disabled]="readOnly()" class="settings">
        @switch (s.kind) {
          @case ('send_email') {
            <ng-container *ngTemplateOutlet="templatePicker; context: { $implicit: s }" />
            <mat-form-field>
              <mat-label>{{ 'designer.fields.newTemplateKey' | transloco }}</mat-label>
              <input matInput [value]="s.template" (change)="edit(set('template', value($event)))" name="templateKey" />
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'designer.fields.subject' | transloco }}</mat-label>
              <input matInput [value]="s.subject ?? ''" (change)="edit(set('subject', value($event) || undefined))" name="subject" />
            </mat-form-field>
          }
          @case ('send_sms') {
            @if (s.message.kind === 'text') {
              <mat-form-field>
                <mat-label>{{ 'designer.fields.smsText' | transloco }}</mat-label>
                <textarea matInput rows="4" [value]="s.message.text" (input)="smsLength.set(value($event).length)" (change)="edit(set('message', { kind: 'text', text: value($event) }))" name="smsText"></textarea>
                <mat-hint>{{ 'designer.smsCount' | transloco: { n: smsLength() ?? s.message.text.length, segments: segments(smsLength() ?? s.message.text.length) } }}</mat-hint>
              </mat-form-field>
            }
          }
          @case ('wait') {
            <div class="row">
              <mat-form-field>
                <mat-label>{{ 'designer.fields.amount' | transloco }}</mat-label>
                <input matInput type="number" min="1" [value]="s.duration.amount" (change)="edit(set('duration', { amount: number($event), unit: s.duration.unit }))" name="amount" />
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'designer.fields.unit' | transloco }}</mat-label>
                <mat-select [value]="s.duration.unit" (selectionChange)="edit(set('duration', { amount: s.duration.amount, unit: $event.value }))">
                  @for (u of units; track u) { <mat-option [value]="u">{{ 'designer.units.' + u | transloco }}</mat-option> }
                </mat-select>
              </mat-form-field>
            </div>
          }
          @case ('wait_until') {
            <mat-form-field>
              <mat-label>{{ 'designer.fields.until' | transloco }}</mat-label>
              <input matInput type="datetime-local" [value]="s.until" (change)="edit(set('until', value($event)))" name="until" />
            </mat-form-field>
          }
          @case ('wait_for') {
            <mat-form-field>
              <mat-label>{{ 'designer.fields.event' | transloco }}</mat-label>
              <mat-select [value]="s.event.kind" (selectionChange)="edit(set('event', $event.value === 'form_submitted' ? { kind: 'form_submitted', form: '' } : { kind: $event.value }))">
                @for (e of events; track e) { <mat-option [value]="e">{{ 'designer.events.' + e | transloco }}</mat-option> }
              </mat-select>
            </mat-form-field>
            @if (s.event.kind === 'form_submitted') {
              <mat-form-field>
                <mat-label>{{ 'designer.fields.form' | transloco }}</mat-label>
                <input matInput [value]="s.event.form" (change)="edit(set('event', { kind: 'form_submitted', form: value($event) }))" name="form" />
              </mat-form-field>
            }
            <div class="row">
              <mat-form-field>
                <mat-label>{{ 'designer.fields.atMost' | transloco }}</mat-label>
                <input matInput type="number" min="1" [value]="s.atMost?.amount ?? 7" (change)="edit(set('atMost', { amount: number($event), unit: s.atMost?.unit ?? 'days' }))" name="atMost" />
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'designer.fields.unit' | transloco }}</mat-label>
                <mat-select [value]="s.atMost?.unit ?? 'days'" (selectionChange)="edit(set('atMost', { amount: s.atMost?.amount ?? 7, unit: $event.value }))">
                  @for (u of units; track u) { <mat-option [value]="u">{{ 'designer.units.' + u | transloco }}</mat-option> }
                </mat-select>
              </mat-form-field>
            </div>
            <mat-form-field>
              <mat-label>{{ 'designer.fields.onTimeout' | transloco }}</mat-label>
              <mat-select [value]="s.onTimeout?.kind ?? 'continue'" (selectionChange)="edit(set('onTimeout', $event.value === 'leave' ? { kind: 'leave', actions: [] } : { kind: 'continue' }))">
                <mat-option value="continue">{{ 'designer.timeout.continue' | transloco }}</mat-option>
                <mat-option value="leave">{{ 'designer.timeout.leave' | transloco }}</mat-option>
              </mat-select>
            </mat-form-field>
            @if (s.onTimeout?.kind === 'leave') { <ng-container *ngTemplateOutlet="leaveFields; context: { $implicit: s }" /> }
          }
          @case ('split') {
            <mat-form-field>
              <mat-label>{{ 'designer.fields.name' | transloco }}</mat-label>
              <input matInput [value]="s.name" (change)="edit(set('name', value($event)))" name="splitName" />
            </mat-form-field>
            @for (branch of s.branches; track $index; let b = $index) {
              <div class="branch-form">
                <mat-form-field>
                  <mat-label>{{ 'designer.fields.branchName' | transloco }}</mat-label>
                  <input matInput [value]="branch.name" (change)="edit(setBranch(b, 'name', value($event)))" [name]="'branch' + b" />
                </mat-form-field>
                <mat-form-field>
                  <mat-label>{{ 'designer.fields.condition' | transloco }}</mat-label>
                  <input matInput [value]="conditionOf(branch.condition)" (change)="editCondition(b, value($event))" [name]="'condition' + b" />
                  @if (conditionError() === b) { <mat-error>{{ 'designer.conditionError' | transloco }}</mat-error> }
                </mat-form-field>
                @if (s.branches.length > 1) {
                  <button mat-button type="button" (click)="edit(removeBranch(b))">{{ 'designer.removeBranch' | transloco }}</button>
                }
              </div>
            }
            @if (conditionError() !== null) { <p class="error" role="alert">{{ 'designer.conditionError' | transloco }}</p> }
            <button mat-stroked-button type="button" (click)="edit(addBranch())">{{ 'designer.addBranch' | transloco }}</button>
          }
          @case ('update_person') {
            @for (op of s.operations; track $index; let o = $index) {
              <div class="row">
                <mat-form-field>
                  <mat-label>{{ 'designer.fields.field' | transloco }}</mat-label>
                  <input matInput [value]="op.field" (change)="edit(setOperation(o, { field: value($event) }))" [name]="'field' + o" />
                </mat-form-field>
                <mat-form-field>
                  <mat-label>{{ 'designer.fields.action' | transloco }}</mat-label>
                  <mat-select [value]="op.kind" (selectionChange)="edit(setOperationKind(o, $event.value))">
                    @for (k of operations; track k) { <mat-option [value]="k">{{ 'designer.operations.' + k | transloco }}</mat-option> }
                  </mat-select>
                </mat-form-field>
                @if (op.kind !== 'clear') {
                  <mat-form-field>
                    <mat-label>{{ 'designer.fields.value' | transloco }}</mat-label>
                    <input matInput [value]="operationValue(op)" (change)="edit(setOperationValue(o, value($event)))" [name]="'value' + o" />
                  </mat-form-field>
                }
                <button mat-button type="button" (click)="edit(removeOperation(o))">{{ 'designer.removeRow' | transloco }}</button>
              </div>
            }
            <button mat-stroked-button type="button" (click)="edit(addOperation())">{{ 'designer.addRow' | transloco }}</button>
          }
          @case ('membership') {
            <mat-form-field>
              <mat-label>{{ 'designer.fields.target' | transloco }}</mat-label>
              <mat-select [value]="s.target" (selectionChange)="edit(set('target', $event.value))">
                <mat-option value="selection">{{ 'designer.targets.selection' | transloco }}</mat-option>
                <mat-option value="project">{{ 'designer.targets.project' | transloco }}</mat-option>
              </mat-select>
            </mat-form-field>
            <st-name-picker [collection]="s.target === 'project' ? 'projects' : 'selections'" [label]="'designer.fields.name' | transloco" [value]="s.name"
              (picked)="edit(set('name', $event))" name="membershipName" [disabled]="readOnly()" />
          }
          @case ('create_sale') {
            <mat-form-field><mat-label>{{ 'designer.fields.title' | transloco }}</mat-label>
              <input matInput [value]="s.title" (change)="edit(set('title', value($event)))" name="saleTitle" /></mat-form-field>
            <mat-form-field><mat-label>{{ 'designer.fields.type' | transloco }}</mat-label>
              <input matInput [value]="s.type" (change)="edit(set('type', value($event)))" name="saleType" /></mat-form-field>
            <mat-form-field><mat-label>{{ 'designer.fields.stage' | transloco }}</mat-label>
              <mat-select [value]="s.stage" (selectionChange)="edit(set('stage', $event.value))">
                @for (st of stages; track st) { <mat-option [value]="st">{{ 'designer.stages.' + st | transloco }}</mat-option> }
              </mat-select></mat-form-field>
            <mat-form-field><mat-label>{{ 'designer.fields.amountEuro' | transloco }}</mat-label>
              <input matInput type="number" min="0" [value]="s.amount ?? ''" (change)="edit(set('amount', value($event) === '' ? undefined : number($event)))" name="saleAmount" /></mat-form-field>
          }
          @case ('create_follow_up') {
            <mat-form-field><mat-label>{{ 'designer.fields.title' | transloco }}</mat-label>
              <input matInput [value]="s.title" (change)="edit(set('title', value($event)))" name="followUpTitle" /></mat-form-field>
            <mat-form-field><mat-label>{{ 'designer.fields.type' | transloco }}</mat-label>
              <input matInput [value]="s.type" (change)="edit(set('type', value($event)))" name="followUpType" /></mat-form-field>
            <mat-form-field><mat-label>{{ 'designer.fields.when' | transloco }}</mat-label>
              <mat-select [value]="s.date.kind" (selectionChange)="edit(set('date', $event.value === 'after' ? { kind: 'after', duration: { amount: 3, unit: 'workdays' } } : { kind: $event.value }))">
                <mat-option value="first_available">{{ 'designer.followUpDate.first_available' | transloco }}</mat-option>
                <mat-option value="after">{{ 'designer.followUpDate.after' | transloco }}</mat-option>
                <mat-option value="task_date">{{ 'designer.followUpDate.task_date' | transloco }}</mat-option>
              </mat-select></mat-form-field>
            @if (s.date.kind === 'after') {
              <div class="row">
                <mat-form-field><mat-label>{{ 'designer.fields.amount' | transloco }}</mat-label>
                  <input matInput type="number" min="1" [value]="s.date.duration.amount" (change)="edit(set('date', { kind: 'after', duration: { amount: number($event), unit: s.date.duration.unit } }))" name="followUpAmount" /></mat-form-field>
                <mat-form-field><mat-label>{{ 'designer.fields.unit' | transloco }}</mat-label>
                  <mat-select [value]="s.date.duration.unit" (selectionChange)="edit(set('date', { kind: 'after', duration: { amount: s.date.duration.amount, unit: $event.value } }))">
                    @for (u of units; track u) { <mat-option [value]="u">{{ 'designer.units.' + u | transloco }}</mat-option> }
                  </mat-select></mat-form-field>
              </div>
            }
            <ng-container *ngTemplateOutlet="party; context: { $implicit: s, key: 'assign', roles: ['our_contact', 'service_contact'] }" />
          }
          @case ('create_request') {
            <mat-form-field><mat-label>{{ 'designer.fields.title' | transloco }}</mat-label>
              <input matInput [value]="s.title" (change)="edit(set('title', value($event)))" name="requestTitle" /></mat-form-field>
            <mat-form-field><mat-label>{{ 'designer.fields.type' | transloco }}</mat-label>
              <input matInput [value]="s.type" (change)="edit(set('type', value($event)))" name="requestType" /></mat-form-field>
            <mat-form-field><mat-label>{{ 'designer.fields.status' | transloco }}</mat-label>
              <input matInput [value]="s.status" (change)="edit(set('status', value($event)))" name="requestStatus" /></mat-form-field>
            <ng-container *ngTemplateOutlet="party; context: { $implicit: s, key: 'owner', roles: ['auto', 'unassigned'] }" />
          }
          @case ('complete') {
            <p>{{ 'designer.completeHelp' | transloco }}</p>
            <st-name-picker collection="flows" [label]="'designer.fields.onSuccess' | transloco" [value]="outcomeFlow(s, 'success')"
              (picked)="edit(setOutcomeFlow('success', $event))" name="onSuccess" [disabled]="readOnly()" />
            <st-name-picker collection="flows" [label]="'designer.fields.onNoSuccess' | transloco" [value]="outcomeFlow(s, 'no_success')"
              (picked)="edit(setOutcomeFlow('no_success', $event))" name="onNoSuccess" [disabled]="readOnly()" />
          }
          @case ('leave') { <ng-container *ngTemplateOutlet="leaveFields; context: { $implicit: s }" /> }
          @case ('notify_email') {
            <ng-container *ngTemplateOutlet="recipient; context: { $implicit: s }" />
            <ng-container *ngTemplateOutlet="templatePicker; context: { $implicit: s }" />
          }
          @case ('notify_sms') {
            <ng-container *ngTemplateOutlet="recipient; context: { $implicit: s }" />
            <mat-form-field>
              <mat-label>{{ 'designer.fields.smsText' | transloco }}</mat-label>
              <textarea matInput rows="3" [value]="s.text" (change)="edit(set('text', value($event)))" name="notifyText"></textarea>
            </mat-form-field>
          }
          @case ('run_script') {
            <mat-form-field>
              <mat-label>{{ 'designer.fields.script' | transloco }}</mat-label>
              <textarea matInput rows="8" class="dsl-text" [value]="s.source" (change)="edit(set('source', value($event)))" name="script"></textarea>
              <mat-hint>{{ 'designer.scriptHint' | transloco }}</mat-hint>
            </mat-form-field>
          }
          @default { <p>{{ 'designer.inDslTab' | transloco }}</p> }
        }
      </fieldset>
    }
    <ng-template #leaveFields let-step>
      <fieldset [disabled]="readOnly()" class="settings">
        <st-name-picker collection="flows" [label]="'designer.fields.leaveFlow' | transloco" [value]="leaveTarget(step, 'move_to_flow')"
          (picked)="edit(setLeave('move_to_flow', $event))" name="leaveFlow" [disabled]="readOnly()" />
        <st-name-picker collection="selections" [label]="'designer.fields.leaveSelection' | transloco" [value]="leaveTarget(step, 'add_to_selection')"
          (picked)="edit(setLeave('add_to_selection', $event))" name="leaveSelection" [disabled]="readOnly()" />
      </fieldset>
    </ng-template>
    <ng-template #templatePicker let-step>
      <mat-form-field>
        <mat-label>{{ 'designer.fields.template' | transloco }}</mat-label>
        <mat-select [value]="step.template" (selectionChange)="edit(set('template', $event.value))" [disabled]="readOnly()">
          @for (t of emailTemplates(); track t.key) { <mat-option [value]="t.key">{{ t.name }} ({{ t.key }})</mat-option> }
          @if (step.template && !known(step.template)) { <mat-option [value]="step.template">{{ step.template }} — {{ 'designer.notThereYet' | transloco }}</mat-option> }
        </mat-select>
      </mat-form-field>
    </ng-template>
    <ng-template #party let-step let-key="key" let-roles="roles">
      <mat-form-field>
        <mat-label>{{ 'designer.fields.' + key | transloco }}</mat-label>
        <mat-select [value]="step[key].kind === 'role' ? step[key].role : 'address'" (selectionChange)="edit(setParty(key, $event.value, step))" [disabled]="readOnly()">
          @for (role of roles; track role) { <mat-option [value]="role">{{ 'designer.recipients.' + role | transloco }}</mat-option> }
          <mat-option value="address">{{ 'designer.recipients.employee' | transloco }}</mat-option>
        </mat-select>
      </mat-form-field>
      @if (step[key].kind === 'address') {
        <mat-form-field>
          <mat-label>{{ 'designer.fields.employeeEmail' | transloco }}</mat-label>
          <input matInput type="email" [value]="step[key].address" (change)="edit(set(key, { kind: 'address', address: value($event) }))" [name]="key + 'Address'" [disabled]="readOnly()" />
        </mat-form-field>
      }
    </ng-template>
    <ng-template #recipient let-step>
      <mat-form-field>
        <mat-label>{{ 'designer.fields.to' | transloco }}</mat-label>
        <mat-select [value]="step.to.kind === 'role' ? step.to.role : 'address'" (selectionChange)="edit(setRecipient($event.value, step))" [disabled]="readOnly()">
          <mat-option value="our_contact">{{ 'designer.recipients.our_contact' | transloco }}</mat-option>
          <mat-option value="service_contact">{{ 'designer.recipients.service_contact' | transloco }}</mat-option>
          <mat-option value="address">{{ 'designer.recipients.address' | transloco }}</mat-option>
        </mat-select>
      </mat-form-field>
      @if (step.to.kind === 'address') {
        <mat-form-field>
          <mat-label>{{ 'designer.fields.address' | transloco }}</mat-label>
          <input matInput [value]="step.to.address" (change)="edit(set('to', { kind: 'address', address: value($event) }))" name="address" [disabled]="readOnly()" />
        </mat-form-field>
      }
    </ng-template>
  `,
})
export class StepSettingsComponent {
  readonly stepId = input.required<string>();
  readonly readOnly = input(false);
  readonly templates = input<TemplateOption[]>([]);
  protected readonly store = inject(DesignerStore);
  protected readonly step = computed(() => this.store.step(this.stepId()));
  protected readonly problems = computed(() => (this.store.problems().get(this.stepId()) ?? []).map((p) => p.message));
  protected readonly emailTemplates = computed(() => this.templates().filter((t) => t.channel === 'email'));
  protected readonly smsLength = signal<number | null>(null);
  protected readonly conditionError = signal<number | null>(null);
  protected readonly itemOf = itemOf;
  protected readonly units = TIME_UNITS.filter((u) => u !== 'minutes');
  protected readonly events = ['link_clicked', 'email_opened', 'form_submitted'] as const;
  protected readonly operations = ['set', 'clear', 'add', 'remove', 'increase'] as const;
  protected readonly stages = ['open', 'sold', 'lost'] as const;
  protected readonly segments = smsSegments;
  protected readonly conditionOf = conditionText;

  protected known(key: string): boolean {
    return this.templates().some((t) => t.key === key);
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected number(event: Event): number {
    return Number((event.target as HTMLInputElement).value) || 1;
  }

  protected edit(change: (step: any) => void): void {
    this.store.update(this.stepId(), (step) => {
      change(step);
      return step;
    });
  }

  protected set(key: string, value: unknown) {
    return (step: Record<string, unknown>) => {
      if (value === undefined) delete step[key];
      else step[key] = value;
    };
  }

  protected setBranch(index: number, key: 'name', value: string) {
    return (step: Extract<Step, { kind: 'split' }>) => { step.branches[index]![key] = value; };
  }

  protected editCondition(index: number, text: string): void {
    const condition = parseCondition(text);
    this.conditionError.set(condition ? null : index);
    if (condition) this.edit((step: Extract<Step, { kind: 'split' }>) => { step.branches[index]!.condition = condition; });
  }

  protected addBranch() {
    return (step: Extract<Step, { kind: 'split' }>) => {
      step.branches.push({ kind: 'branch', name: `Tak ${step.branches.length + 1}`, condition: { kind: 'empty', field: 'person.email', negated: true }, steps: [] });
    };
  }

  protected removeBranch(index: number) {
    return (step: Extract<Step, { kind: 'split' }>) => { step.branches.splice(index, 1); };
  }

  protected readonly leaveTarget = leaveTarget;

  protected setLeave(kind: LeaveAction['kind'], name: string) {
    return (step: Step) => setLeaveTarget(step, kind, name.trim());
  }

  protected outcomeFlow(step: Extract<Step, { kind: 'complete' }>, outcome: 'success' | 'no_success'): string {
    return step.actions.find((a) => a.outcome === outcome)?.flow ?? '';
  }

  protected setOutcomeFlow(outcome: 'success' | 'no_success', flow: string) {
    return (step: Extract<Step, { kind: 'complete' }>) => {
      const index = step.actions.findIndex((a) => a.outcome === outcome);
      const action = { kind: 'on_outcome' as const, outcome, flow: flow.trim(), ...(index >= 0 && step.actions[index]!.comments ? { comments: step.actions[index]!.comments } : {}) };
      if (index >= 0) {
        if (action.flow) step.actions[index] = action;
        else step.actions.splice(index, 1);
      } else if (action.flow) {
        step.actions.push(action);
        step.actions.sort((a, b) => (a.outcome === b.outcome ? 0 : a.outcome === 'success' ? -1 : 1));
      }
    };
  }

  protected setParty(key: 'assign' | 'owner', choice: string, current: Record<string, Party>) {
    const before = current[key];
    const party: Party = choice === 'address' ? { kind: 'address', address: before?.kind === 'address' ? before.address : '' } : { kind: 'role', role: choice as Extract<Party, { kind: 'role' }>['role'] };
    return this.set(key, party);
  }

  protected setRecipient(choice: 'our_contact' | 'service_contact' | 'address', current: { to: Party }) {
    const to: Party = choice === 'address' ? { kind: 'address', address: current.to.kind === 'address' ? current.to.address : '' } : { kind: 'role', role: choice };
    return this.set('to', to);
  }

  protected operationValue(op: UpdateOperation): string {
    if (op.kind === 'clear') return '';
    return String(op.kind === 'increase' ? op.by : op.value);
  }

  protected setOperation(index: number, patch: { field: string }) {
    return (step: Extract<Step, { kind: 'update_person' }>) => { Object.assign(step.operations[index]!, patch); };
  }

  protected setOperationKind(index: number, kind: UpdateOperation['kind']) {
    return (step: Extract<Step, { kind: 'update_person' }>) => {
      const op = step.operations[index]!;
      const value = this.operationValue(op);
      step.operations[index] = operation(kind, op.field, value, op.comments);
    };
  }

  protected setOperationValue(index: number, value: string) {
    return (step: Extract<Step, { kind: 'update_person' }>) => {
      const op = step.operations[index]!;
      step.operations[index] = operation(op.kind, op.field, value, op.comments);
    };
  }

  protected addOperation() {
    return (step: Extract<Step, { kind: 'update_person' }>) => { step.operations.push({ kind: 'set', field: 'person.category', value: '' }); };
  }

  protected removeOperation(index: number) {
    return (step: Extract<Step, { kind: 'update_person' }>) => { step.operations.splice(index, 1); };
  }
}

/** A field operation row; a number typed as value stays a number for increase. */
function operation(kind: UpdateOperation['kind'], field: string, value: string, comments?: string[]): UpdateOperation {
  const extra = comments ? { comments } : {};
  switch (kind) {
    case 'clear': return { kind, field, ...extra };
    case 'increase': return { kind, field, by: Number(value) || 1, ...extra };
    default: return { kind, field, value, ...extra };
  }
}

