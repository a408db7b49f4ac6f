import { Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatMenuModule } from '@angular/material/menu';
import { MAT_SLIDE_TOGGLE_DEFAULT_OPTIONS, MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTabsModule } from '@angular/material/tabs';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { Api, errorMessage } from '../../core/api';
import { ConfirmDialogComponent, type ConfirmData } from '../../core/confirm-dialog.component';
import { Session } from '../../core/session';
import { FlowStore } from './flow-store';

const CONFIRM_END: ConfirmData = { title: 'flowPage.confirmEnd.title', text: 'flowPage.confirmEnd.text', confirm: 'flowPage.confirmEnd.confirm' };
const CONFIRM_PAUSE: ConfirmData = { title: 'flowState.confirmPause.title', text: 'flowState.confirmPause.text', confirm: 'flowState.confirmPause.confirm' };
const CONFIRM_REMOVE: ConfirmData = { title: 'flowPage.confirmRemove.title', text: 'flowPage.confirmRemove.text', confirm: 'flowPage.confirmRemove.confirm' };

/** One flow (seed 000/001): its summary, participants and source as tabs, the running switch and the task menu. */
@Component({
  selector: 'st-flow-page',
  imports: [MatButtonModule, MatMenuModule, MatSlideToggleModule, MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet, TranslocoPipe],
  // The running switch moves only when the flow's state does (after a confirmed pause, a start).
  providers: [FlowStore, { provide: MAT_SLIDE_TOGGLE_DEFAULT_OPTIONS, useValue: { disableToggleValue: true } }],
  styles: `
    header { display: flex; align-items: center; gap: 16px; flex-wrap: wrap; }
    header h1 { flex: 1; margin: 0; }
  `,
  template: `
    <section class="page">
      @if (store.flow(); as flow) {
        <header>
          <h1>{{ flow.name }}</h1>
          <span data-status class="state" [attr.data-state]="flow.status">{{ 'flowState.' + flow.status | transloco }}</span>
          @if (session.isFlowAdmin()) {
            <mat-slide-toggle [checked]="flow.status === 'running'" (toggleChange)="toggle(flow.status !== 'running')" [disabled]="busy()">{{ 'flowState.switchLabel.' + flow.status | transloco }}</mat-slide-toggle>
            <button mat-stroked-button type="button" [matMenuTriggerFor]="tasks">{{ 'flowPage.tasks' | transloco }}</button>
            <mat-menu #tasks="matMenu">
              <button mat-menu-item type="button" (click)="end()" [disabled]="flow.status === 'not_running'">{{ 'flowPage.end' | transloco }}</button>
              <button mat-menu-item type="button" (click)="remove()" [disabled]="flow.status === 'running'">{{ 'flowPage.remove' | transloco }}</button>
            </mat-menu>
          }
        </header>
        @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
        <nav mat-tab-nav-bar [tabPanel]="panel" [attr.aria-label]="'flowPage.parts' | transloco">
          @for (tab of tabs; track tab) {
            <a mat-tab-link [routerLink]="tab" routerLinkActive #link="routerLinkActive" [active]="link.isActive">{{ 'flowPage.tabs.' + tab | transloco }}</a>
          }
        </nav>
        <mat-tab-nav-panel #panel><router-outlet /></mat-tab-nav-panel>
      } @else if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
    </section>
  `,
})
export class FlowPageComponent {
  readonly store = inject(FlowStore);
  readonly session = inject(Session);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly api = inject(Api);
  readonly id = input.required<string>();
  readonly tabs = ['summary', 'diagram', 'reports', 'participants', 'source'];
  readonly error = signal('');
  readonly busy = signal(false);
  readonly running = computed(() => this.store.flow()?.status === 'running');

  constructor() {
    effect(() => void this.store.load(this.id()).catch((error: unknown) => this.error.set(errorMessage(error))));
  }

  /** Starting or resuming goes at once; pausing asks first. The switch shows the flow's state, never just the click. */
  async toggle(on: boolean): Promise<void> {
    if (!on && !(await this.confirm(CONFIRM_PAUSE))) return;
    await this.run(() => this.store.act(on ? 'start' : 'pause'));
  }

  async end(): Promise<void> {
    if (!(await this.confirm(CONFIRM_END))) return;
    await this.run(() => this.store.act('end'));
  }

  async remove(): Promise<void> {
    if (!(await this.confirm(CONFIRM_REMOVE))) return;
    await this.run(async () => {
      await this.api.delete(`/api/flows/${this.id()}`);
      await this.router.navigate(['/flows']);
    });
  }

  private async confirm(data: ConfirmData): Promise<boolean> {
    return (await firstValueFrom(this.dialog.open(ConfirmDialogComponent, { data }).afterClosed())) === true;
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    try {
      await action();
    } catch (error) {
      this.error.set(errorMessage(error));
      await this.store.load(this.id()).catch(() => undefined);
    } finally {
      this.busy.set(false);
    }
  }
}
