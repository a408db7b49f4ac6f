import { Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';
import { Api, errorMessage, failureOf } from '../core/api';
import type { ApiSchema } from '../core/api-schema';
import { Session } from '../core/session';

type AssignmentRule = ApiSchema<'AssignmentRule'>;
type Named = Pick<ApiSchema<'Group'> | ApiSchema<'Employee'>, 'id' | 'name'>;

type Pool = 'group' | 'employees';

/**
 * Assignment rules: per request type, who gets the requests a flow creates with owner "automatic"
 * (a group's available members or named employees, spread evenly). Administrators add, change and
 * remove them; without a rule a request goes to the person's our contact.
 */
@Component({
  selector: 'st-assignment-rules',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatRadioModule, MatSelectModule, MatTableModule, TranslocoPipe],
  styles: `
    form { display: flex; gap: 16px; flex-wrap: wrap; align-items: baseline; margin-bottom: 16px; }
    form mat-form-field { flex: 1 1 220px; max-width: 360px; }
    mat-radio-group { display: flex; gap: 8px; }
    tr.selected { background: rgba(0, 0, 0, 0.06); }
  `,
  template: `
    <section class="page">
      <h1>{{ 'seedfix.rules.title' | transloco }}</h1>
      <p>{{ 'seedfix.rules.intro' | transloco }}</p>
      @if (session.isFlowAdmin()) {
        <form (ngSubmit)="save()" data-rule-form>
          <mat-form-field>
            <mat-label>{{ 'seedfix.rules.requestType' | transloco }}</mat-label>
            <input matInput name="requestType" required maxlength="255" [(ngModel)]="requestType" />
          </mat-form-field>
          <mat-radio-group name="pool" [(ngModel)]="pool" [attr.aria-label]="'seedfix.rules.pool' | transloco">
            <mat-radio-button value="group">{{ 'seedfix.rules.group' | transloco }}</mat-radio-button>
            <mat-radio-button value="employees">{{ 'seedfix.rules.employees' | transloco }}</mat-radio-button>
          </mat-radio-group>
          @if (pool === 'group') {
            <mat-form-field>
              <mat-label>{{ 'seedfix.rules.group' | transloco }}</mat-label>
              <mat-select name="groupId" required [(ngModel)]="groupId">
                @for (g of groups(); track g.id) { <mat-option [value]="g.id">{{ g.name }}</mat-option> }
              </mat-select>
            </mat-form-field>
          } @else {
            <mat-form-field>
              <mat-label>{{ 'seedfix.rules.employees' | transloco }}</mat-label>
              <mat-select name="employeeIds" multiple required [(ngModel)]="employeeIds">
                @for (e of employees(); track e.id) { <mat-option [value]="e.id">{{ e.name }}</mat-option> }
              </mat-select>
            </mat-form-field>
          }
          <button mat-flat-button type="submit" [disabled]="!requestType.trim()">{{ (editing() ? 'seedfix.rules.saveChange' : 'seedfix.rules.add') | transloco }}</button>
          @if (editing()) { <button mat-button type="button" (click)="clear()">{{ 'seedfix.rules.cancel' | transloco }}</button> }
        </form>
        @if (formError()) { <p class="error" role="alert">{{ formError() }}</p> }
      }
      @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
      @if (rules().length === 0) {
        <p>{{ 'seedfix.rules.none' | transloco }}</p>
      } @else {
        <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="'seedfix.rules.title' | transloco">
          <table mat-table class="full" [dataSource]="rules()">
            <ng-container matColumnDef="requestType"><th mat-header-cell *matHeaderCellDef>{{ 'seedfix.rules.requestType' | transloco }}</th><td mat-cell *matCellDef="let r">{{ r.requestType }}</td></ng-container>
            <ng-container matColumnDef="pool"><th mat-header-cell *matHeaderCellDef>{{ 'seedfix.rules.goesTo' | transloco }}</th><td mat-cell *matCellDef="let r">{{ poolText(r) }}</td></ng-container>
            <ng-container matColumnDef="actions"><th mat-header-cell *matHeaderCellDef><span class="cdk-visually-hidden">{{ 'seedfix.rules.actions' | transloco }}</span></th><td mat-cell *matCellDef="let r">
              @if (session.isFlowAdmin()) {
                <button mat-button type="button" (click)="edit(r)" [attr.aria-label]="'seedfix.rules.editRule' | transloco: { type: r.requestType }">{{ 'seedfix.rules.edit' | transloco }}</button>
                <button mat-button type="button" (click)="remove(r)" [attr.aria-label]="'seedfix.rules.removeRule' | transloco: { type: r.requestType }">{{ 'seedfix.rules.remove' | transloco }}</button>
              }
            </td></ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let row; columns: columns" [class.selected]="row.id === editing()?.id"></tr>
          </table>
        </div>
      }
    </section>
  `,
})
export class AssignmentRulesComponent {
  private readonly api = inject(Api);
  readonly session = inject(Session);
  readonly columns = ['requestType', 'pool', 'actions'];
  readonly rules = signal<AssignmentRule[]>([]);
  readonly groups = signal<Named[]>([]);
  readonly employees = signal<Named[]>([]);
  readonly editing = signal<AssignmentRule | undefined>(undefined);
  readonly error = signal('');
  readonly formError = signal('');
  private readonly names = computed(() => new Map([...this.groups(), ...this.employees()].map((n) => [`${n.id}`, n.name])));
  requestType = '';
  pool: Pool = 'group';
  groupId: string | null = null;
  employeeIds: string[] = [];

  constructor() {
    void this.load();
    void this.api.get<ApiSchema<'GroupList'>>('/api/groups', { limit: 1000 }).then((page) => this.groups.set(page.items), () => undefined);
    void this.api.get<ApiSchema<'EmployeeList'>>('/api/employees', { limit: 1000 }).then((page) => this.employees.set(page.items), () => undefined);
  }

  /** "Group Adviseurs" or the employees' names, as the language writes them. */
  poolText(rule: AssignmentRule): string {
    const groupNames = this.groups();
    if (rule.groupId) return groupNames.find((g) => g.id === rule.groupId)?.name ?? rule.groupId;
    return (rule.employeeIds ?? []).map((id) => this.names().get(id) ?? id).join(', ');
  }

  edit(rule: AssignmentRule): void {
    this.editing.set(rule);
    this.requestType = rule.requestType;
    this.pool = rule.groupId ? 'group' : 'employees';
    this.groupId = rule.groupId;
    this.employeeIds = [...(rule.employeeIds ?? [])];
    this.formError.set('');
  }

  clear(): void {
    this.editing.set(undefined);
    this.requestType = '';
    this.pool = 'group';
    this.groupId = null;
    this.employeeIds = [];
    this.formError.set('');
  }

  async save(): Promise<void> {
    const body = {
      requestType: this.requestType.trim(),
      groupId: this.pool === 'group' ? this.groupId : null,
      employeeIds: this.pool === 'employees' ? this.employeeIds : [],
    };
    try {
      const editing = this.editing();
      if (editing) await this.api.put(`/api/assignment-rules/${editing.id}`, body);
      else await this.api.post('/api/assignment-rules', body);
      this.clear();
      await this.load();
    } catch (error) {
      const failure = failureOf(error);
      this.formError.set([failure.message, ...Object.values(failure.fields)].filter(Boolean).join(' '));
    }
  }

  async remove(rule: AssignmentRule): Promise<void> {
    try {
      await this.api.delete(`/api/assignment-rules/${rule.id}`);
      if (this.editing()?.id === rule.id) this.clear();
      await this.load();
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }

  private async load(): Promise<void> {
    try {
      this.rules.set((await this.api.get<ApiSchema<'AssignmentRuleList'>>('/api/assignment-rules', { limit: 1000 })).items);
      this.error.set('');
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }
}
