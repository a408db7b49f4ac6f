import { Component, computed, inject, input, signal } from '@angular/core';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { WEEKDAYS, type SendWindowDays } from '@stroom/dsl';
import { DesignerStore } from '../designer-store';
import { putSetting, settingOf, type SettingOf } from './flow-setting-edits';

/** Every IANA zone the browser knows, for the time-zone field. */
const ZONES: readonly string[] = Intl.supportedValuesOf('timeZone');

/**
 * How messages go out: sender, reply-to, SMS sender, the send window, the flow's time zone, and
 * what happens to a message the contact policy stops (the policy's choice, or this flow's own).
 */
@Component({
  selector: 'st-sending-section',
  imports: [MatAutocompleteModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe],
  styleUrl: '../designer.css',
  template: `
    <h3>{{ 'designerForms.sending.title' | transloco }}</h3>
    <mat-form-field>
      <mat-label>{{ 'designer.fields.sender' | transloco }}</mat-label>
      <input matInput [value]="sender()" (change)="setSender($event)" name="sender" placeholder="Naam <adres@voorbeeld.nl>" [disabled]="readOnly()" />
    </mat-form-field>
    <mat-form-field>
      <mat-label>{{ 'designer.fields.replyTo' | transloco }}</mat-label>
      <input matInput type="email" [value]="replyTo()" (change)="setReplyTo($event)" name="replyTo" [disabled]="readOnly()" />
    </mat-form-field>
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ 'designerForms.sending.smsSender' | transloco }}</mat-label>
      <input matInput [value]="smsSender()" (change)="setSmsSender($event)" name="smsSender" maxlength="11" [disabled]="readOnly()" />
      <mat-hint>{{ 'designerForms.sending.smsSenderHint' | transloco }}</mat-hint>
    </mat-form-field>
    <mat-checkbox [checked]="!!window()" (change)="setWindowOn($event.checked)" [disabled]="readOnly()">{{ 'designerForms.sending.windowOn' | transloco }}</mat-checkbox>
    @if (window(); as w) {
      <div class="setting-group">
        <mat-form-field>
          <mat-label>{{ 'designerForms.sending.days' | transloco }}</mat-label>
          <mat-select [value]="w.days.kind" (selectionChange)="setDays($event.value === 'workdays' ? { kind: 'workdays' } : { kind: 'days', from: 'mon', to: 'sat' })" [disabled]="readOnly()">
            <mat-option value="workdays">{{ 'designerForms.sending.workdays' | transloco }}</mat-option>
            <mat-option value="days">{{ 'designerForms.sending.someDays' | transloco }}</mat-option>
          </mat-select>
        </mat-form-field>
        @if (w.days.kind === 'days') {
          @let days = w.days;
          <div class="row">
            <mat-form-field>
              <mat-label>{{ 'designerForms.sending.fromDay' | transloco }}</mat-label>
              <mat-select [value]="days.from" (selectionChange)="setDays({ kind: 'days', from: $event.value, to: days.to })" [disabled]="readOnly()">
                @for (d of weekdays; track d) { <mat-option [value]="d">{{ 'flowPageWords.weekdays.' + d | transloco }}</mat-option> }
              </mat-select>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'designerForms.sending.toDay' | transloco }}</mat-label>
              <mat-select [value]="days.to" (selectionChange)="setDays({ kind: 'days', from: days.from, to: $event.value })" [disabled]="readOnly()">
                @for (d of weekdays; track d) { <mat-option [value]="d">{{ 'flowPageWords.weekdays.' + d | transloco }}</mat-option> }
              </mat-select>
            </mat-form-field>
          </div>
        }
        <div class="row">
          <mat-form-field>
            <mat-label>{{ 'designerForms.sending.start' | transloco }}</mat-label>
            <input matInput type="time" [value]="w.start" (change)="setTimes($event, 'start')" name="windowStart" [disabled]="readOnly()" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'designerForms.sending.end' | transloco }}</mat-label>
            <input matInput type="time" [value]="w.end" (change)="setTimes($event, 'end')" name="windowEnd" [disabled]="readOnly()" />
          </mat-form-field>
        </div>
      </div>
    }
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ 'designerForms.sending.timezone' | transloco }}</mat-label>
      <input matInput #zone [value]="timezone()" [matAutocomplete]="zones" (input)="zoneQuery.set(zone.value)" (change)="setZone(zone.value)" name="timezone" [disabled]="readOnly()" />
      <mat-autocomplete #zones="matAutocomplete" (optionSelected)="setZone($event.option.value)">
        @for (z of zoneOptions(); track z) { <mat-option [value]="z">{{ z }}</mat-option> }
      </mat-autocomplete>
      <mat-hint>{{ 'designerForms.sending.timezoneHint' | transloco }}</mat-hint>
    </mat-form-field>
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ 'designerForms.sending.whenLimited' | transloco }}</mat-label>
      <mat-select [value]="whenLimited()" (selectionChange)="setWhenLimited($event.value)" [disabled]="readOnly()">
        <mat-option value="policy">{{ 'designerForms.sending.limitedPolicy' | transloco }}</mat-option>
        <mat-option value="defer">{{ 'designerForms.sending.limitedDefer' | transloco }}</mat-option>
        <mat-option value="skip">{{ 'designerForms.sending.limitedSkip' | transloco }}</mat-option>
      </mat-select>
      <mat-hint>{{ 'designerForms.sending.whenLimitedHint' | transloco }}</mat-hint>
    </mat-form-field>
  `,
})
export class SendingSectionComponent {
  readonly readOnly = input(false);
  private readonly store = inject(DesignerStore);
  protected readonly weekdays = WEEKDAYS;
  protected readonly zoneQuery = signal('');
  protected readonly sender = computed(() => settingOf(this.store.flow(), 'sender')?.address ?? '');
  protected readonly replyTo = computed(() => settingOf(this.store.flow(), 'reply_to')?.address ?? '');
  protected readonly smsSender = computed(() => settingOf(this.store.flow(), 'sms_sender')?.name ?? '');
  protected readonly window = computed(() => settingOf(this.store.flow(), 'send_window'));
  protected readonly timezone = computed(() => settingOf(this.store.flow(), 'timezone')?.zone ?? '');
  protected readonly whenLimited = computed(() => settingOf(this.store.flow(), 'when_limited')?.action ?? 'policy');
  protected readonly zoneOptions = computed(() => {
    const q = this.zoneQuery().trim().toLowerCase();
    return ZONES.filter((z) => !q || z.toLowerCase().includes(q)).slice(0, 50);
  });

  protected setSender(event: Event): void {
    const address = text(event);
    this.store.updateFlow((flow) => putSetting(flow, 'sender', address ? { kind: 'sender', address } : undefined));
  }

  protected setReplyTo(event: Event): void {
    const address = text(event);
    this.store.updateFlow((flow) => putSetting(flow, 'reply_to', address ? { kind: 'reply_to', address } : undefined));
  }

  protected setSmsSender(event: Event): void {
    const name = text(event);
    this.store.updateFlow((flow) => putSetting(flow, 'sms_sender', name ? { kind: 'sms_sender', name } : undefined));
  }

  /** Switched on: workdays 08:00–20:00, the usual opening. */
  protected setWindowOn(on: boolean): void {
    this.putWindow(on ? { kind: 'send_window', days: { kind: 'workdays' }, start: '08:00', end: '20:00' } : undefined);
  }

  protected setDays(days: SendWindowDays): void {
    const w = this.window();
    if (w) this.putWindow({ ...w, days });
  }

  protected setTimes(event: Event, which: 'start' | 'end'): void {
    const w = this.window();
    const time = text(event);
    if (w && /^\d{2}:\d{2}$/.test(time)) this.putWindow({ ...w, [which]: time });
  }

  protected setZone(zone: string): void {
    const trimmed = zone.trim();
    if (trimmed === this.timezone()) return;
    this.store.updateFlow((flow) => putSetting(flow, 'timezone', trimmed ? { kind: 'timezone', zone: trimmed } : undefined));
  }

  /** `policy`: no line, so the contact policy's own `when limited` holds. */
  protected setWhenLimited(choice: 'policy' | 'defer' | 'skip'): void {
    this.store.updateFlow((flow) => putSetting(flow, 'when_limited', choice === 'policy' ? undefined : { kind: 'when_limited', action: choice }));
  }

  private putWindow(setting: SettingOf<'send_window'> | undefined): void {
    this.store.updateFlow((flow) => putSetting(flow, 'send_window', setting));
  }
}

function text(event: Event): string {
  return (event.target as HTMLInputElement).value.trim();
}

