import { BreakpointObserver } from '@angular/cdk/layout';
import { Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { map } from 'rxjs';
import { Session } from '../core/session';
import { LanguageSwitchComponent } from '../i18n/language-switch.component';

/** Below this width the links no longer fit beside each other: they move into a menu behind one button. */
export const NARROW = '(max-width: 719.98px)';

/** The pages in the menu; `adminOnly` ones are links for flow administrators only. */
const LINKS: { path: string; key: string; adminOnly?: boolean }[] = [
  { path: '/workflows', key: 'shell.workflows' },
  { path: '/templates', key: 'shell.templates' },
  { path: '/flows', key: 'shell.flows' },
  { path: '/forms', key: 'demo.forms.nav' },
  { path: '/messages', key: 'shell.messages' },
  { path: '/suppressions', key: 'suppressions.nav' },
  { path: '/contact-policy', key: 'policy.nav' },
  { path: '/assignment-rules', key: 'seedfix.rules.nav', adminOnly: true },
  { path: '/dsl', key: 'shell.dsl' },
];

@Component({
  selector: 'st-shell',
  imports: [LanguageSwitchComponent, MatButtonModule, MatMenuModule, MatToolbarModule, RouterLink, RouterLinkActive, RouterOutlet, TranslocoPipe],
  styles: `
    mat-toolbar { gap: 8px; padding: 0 8px 0 16px; }
    nav { display: flex; gap: 4px; margin-left: 16px; flex: 1; min-width: 0; overflow-x: auto; }
    nav a.active { background: rgba(0, 0, 0, 0.08); }
    .spacer { flex: 1; }
    .user { font-size: 14px; }
    .menu-button { min-width: 48px; padding: 0 8px; }
    .menu-button svg { width: 24px; height: 24px; fill: currentColor; vertical-align: middle; }
    a.active-item { background: rgba(0, 0, 0, 0.08); }
    @media (max-width: 900px) { .user { display: none; } nav { margin-left: 4px; } nav a { padding: 0 8px; min-width: 0; } }
  `,
  template: `
    <mat-toolbar>
      @if (narrow()) {
        <button mat-button type="button" class="menu-button" data-menu-button [matMenuTriggerFor]="menu" [attr.aria-label]="'mobile.openMenu' | transloco">
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z" /></svg>
        </button>
        <span>Stroom</span>
        <span class="spacer"></span>
        <st-language-switch />
        <mat-menu #menu="matMenu" [aria-label]="'shell.menu' | transloco">
          @for (link of links(); track link.path) {
            <a mat-menu-item [routerLink]="link.path" routerLinkActive="active-item" ariaCurrentWhenActive="page">{{ link.key | transloco }}</a>
          }
          <button mat-menu-item type="button" (click)="logout()">{{ 'shell.logout' | transloco }}</button>
        </mat-menu>
      } @else {
        <span>Stroom</span>
        <nav [attr.aria-label]="'shell.menu' | transloco">
          @for (link of links(); track link.path) {
            <a mat-button [routerLink]="link.path" routerLinkActive="active" ariaCurrentWhenActive="page">{{ link.key | transloco }}</a>
          }
        </nav>
        <span class="user">{{ session.me()?.name }}</span>
        <st-language-switch />
        <button mat-button type="button" (click)="logout()">{{ 'shell.logout' | transloco }}</button>
      }
    </mat-toolbar>
    <main><router-outlet /></main>
  `,
})
export class ShellComponent {
  readonly session = inject(Session);
  private readonly router = inject(Router);
  readonly links = computed(() => LINKS.filter((link) => !link.adminOnly || this.session.isFlowAdmin()));
  private readonly breakpoints = inject(BreakpointObserver);
  readonly narrow = toSignal(this.breakpoints.observe(NARROW).pipe(map((state) => state.matches)), { initialValue: this.breakpoints.isMatched(NARROW) });

  async logout(): Promise<void> {
    await this.session.logout();
    await this.router.navigate(['/login']);
  }
}
