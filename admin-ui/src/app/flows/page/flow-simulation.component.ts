import { Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Api, errorMessage } from '../../core/api';
import type { ApiSchema } from '../../core/api-schema';
import { type PickedRecord, RecordPickerComponent } from '../../core/record-picker.component';
import { LanguageChoice } from '../../i18n/language-choice';
import { FlowForecastComponent } from './flow-forecast.component';
import { FlowStore } from './flow-store';
import { localeOf } from './locale-format';

/** The answer of `POST /api/flows/:id/simulate` for one person: their walk, with nothing stored or sent. */
export type Simulation = ApiSchema<'FlowPersonSimulation'>;

export const SIMULATION_DAYS = { min: 1, max: 366, initial: 30 } as const;

/**
 * "Simuleren": which way one person would go through the flow over the coming days (the steps with
 * their times, the e-mails and SMS texts they would get, what would change), run by the service's
 * own engine on a virtual clock; nothing is stored or sent.
 */
@Component({
  selector: 'st-flow-simulation',
  imports: [FormsModule, MatButtonModule, MatButtonToggleModule, MatFormFieldModule, MatInputModule, RecordPickerComponent, FlowForecastComponent, TranslocoPipe],
  styles: `
    form { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: baseline; max-width: 880px; }
    st-record-picker { flex: 1 1 320px; }
    .days { width: 140px; }
    .note { border-left: 4px solid #8a5a00; background: #fff8e6; padding: 4px 12px; }
    .refused { border-left-color: #b3261e; background: #fdf3f2; }
    table { border-collapse: collapse; margin: 8px 0 16px; }
    th, td { text-align: left; padding: 4px 12px 4px 0; vertical-align: top; }
    h3 { margin: 20px 0 4px; font-size: 16px; }
    .kind { opacity: 0.75; }
    .body { white-space: pre-wrap; max-width: 640px; }
    mat-button-toggle-group { margin-bottom: 8px; }
  `,
  template: `
    <mat-button-toggle-group [value]="mode()" (change)="mode.set($event.value)" [attr.aria-label]="'simulation.mode' | transloco">
      <mat-button-toggle value="person" data-mode-person>{{ 'forecast.person' | transloco }}</mat-button-toggle>
      <mat-button-toggle value="selection" data-mode-selection>{{ 'forecast.title' | transloco }}</mat-button-toggle>
    </mat-button-toggle-group>
    @if (mode() === 'selection') { <st-flow-forecast /> } @else {
    <p>{{ 'simulation.intro' | transloco }}</p>
    <form (ngSubmit)="run()">
      <st-record-picker name="simulatedPerson" kind="person" [label]="'simulation.person' | transloco" (picked)="person.set($event)" />
      <mat-form-field class="days">
        <mat-label>{{ 'simulation.days' | transloco }}</mat-label>
        <input matInput type="number" name="days" [min]="limits.min" [max]="limits.max" required [(ngModel)]="days" />
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="!person() || busy()">{{ 'simulation.run' | transloco }}</button>
    </form>
    @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
    @if (busy()) { <p role="status">{{ 'simulation.busy' | transloco }}</p> }
    @if (result(); as r) {
      <section data-simulation [attr.aria-label]="'simulation.result' | transloco">
        @if (!r.admitted) {
          <p class="note refused" role="status">{{ 'simulation.refused' | transloco: { reason: ('simulation.reasons.' + r.refusedReason | transloco) } }}</p>
        } @else {
          @if (r.enrolsOn) { <p>{{ 'simulation.enrolsOn' | transloco: { date: day(r.enrolsOn) } }}</p> }
          <h3>{{ 'simulation.path' | transloco }}</h3>
          @if (r.steps.length === 0) { <p>{{ 'simulation.noSteps' | transloco }}</p> }
          @else {
            <table data-simulation-steps>
              <thead><tr><th>{{ 'simulation.at' | transloco }}</th><th>{{ 'simulation.step' | transloco }}</th></tr></thead>
              <tbody>
                @for (s of r.steps; track $index) {
                  <tr><td>{{ time(s.at) }}</td><td>{{ store.titleOf(s.stepId) }} <span class="kind">· {{ 'flowDiagram.kinds.' + s.kind | transloco }}</span></td></tr>
                }
              </tbody>
            </table>
          }
          @if (r.truncated) { <p class="note" role="status" data-truncated>{{ 'simulation.truncated' | transloco: { at: time(r.truncatedAt!) } }}</p> }
          <h3>{{ 'simulation.messages' | transloco: { n: r.messages.length } }}</h3>
          @if (r.messages.length) {
            <table data-simulation-messages>
              <thead><tr><th>{{ 'simulation.channel' | transloco }}</th><th>{{ 'simulation.to' | transloco }}</th><th>{{ 'simulation.text' | transloco }}</th></tr></thead>
              <tbody>
                @for (m of r.messages; track $index) {
                  <tr>
                    <td>{{ 'simulation.channels.' + m.channel | transloco }}</td>
                    <td>{{ m.to ?? ('simulation.noAddress' | transloco) }}</td>
                    <td class="body">{{ m.channel === 'email' ? m.subject : m.body }}</td>
                  </tr>
                }
              </tbody>
            </table>
          }
          <h3>{{ 'simulation.changes' | transloco: { n: r.changes.length } }}</h3>
          @if (r.changes.length) {
            <ul data-simulation-changes>
              @for (c of r.changes; track $index) {
                <li>{{ named('simulation.entities', c.entity) }} · {{ named('simulation.changeKinds', c.kind) }}@if (fields(c).length) {: {{ fields(c) }}}</li>
              }
            </ul>
          }
          @if (r.webhooks.length) {
            <h3>{{ 'simulation.webhooks' | transloco }}</h3>
            <ul>@for (w of r.webhooks; track $index) { <li><code>{{ w.method }} {{ w.url }}</code> → {{ w.status }}</li> }</ul>
          }
        }
      </section>
    }
    }
  `,
})
export class FlowSimulationComponent {
  readonly store = inject(FlowStore);
  private readonly api = inject(Api);
  private readonly language = inject(LanguageChoice);
  private readonly transloco = inject(TranslocoService);
  readonly limits = SIMULATION_DAYS;
  readonly person = signal<PickedRecord | null>(null);
  readonly result = signal<Simulation | undefined>(undefined);
  readonly error = signal('');
  readonly busy = signal(false);
  /** One person's walk through the real engine, or a forecast for a whole selection. */
  readonly mode = signal<'person' | 'selection'>('person');
  days: number = SIMULATION_DAYS.initial;

  async run(): Promise<void> {
    const person = this.person();
    if (!person) return;
    this.busy.set(true);
    this.error.set('');
    try {
      this.result.set(await this.api.post<Simulation>(`/api/flows/${this.store.flow()!.id}/simulate`, { personId: person.id, days: Number(this.days) }));
    } catch (error) {
      this.result.set(undefined);
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }

  time(iso: string): string {
    return new Date(iso).toLocaleString(localeOf(this.language.current()), { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  }

  day(isoDate: string): string {
    return new Date(`${isoDate}T12:00:00`).toLocaleDateString(localeOf(this.language.current()), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  }

  /** A name from a group of the dictionary, or the service's own word when the dictionary has none. */
  named(group: string, word: string): string {
    const key = `${group}.${word}`;
    const text = this.transloco.translate(key);
    return text === key ? word : text;
  }

  /** The changed fields of a change, as "field: value". */
  fields(change: Simulation['changes'][number]): string {
    return Object.entries(change.changes ?? {}).map(([field, value]) => `${field}: ${display(value.to)}`).join(', ');
  }
}

function display(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
