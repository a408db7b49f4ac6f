import { Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Session } from '../core/session';
import { LanguageSwitchComponent } from '../i18n/language-switch.component';

@Component({
  selector: 'st-shell',
  imports: [LanguageSwitchComponent, MatButtonModule, MatToolbarModule, RouterLink, RouterLinkActive, RouterOutlet, TranslocoPipe],
  styles: `
    mat-toolbar { gap: 8px; }
    nav { display: flex; gap: 4px; margin-left: 16px; flex: 1; min-width: 0; overflow-x: auto; }
    nav a.active { background: rgba(0, 0, 0, 0.08); }
    .user { font-size: 14px; }
    @media (max-width: 900px) { .user { display: none; } nav { margin-left: 4px; } nav a { padding: 0 8px; min-width: 0; } }
  `,
  template: `
    <mat-toolbar>
      <span>Stroom</span>
      <nav [attr.aria-label]="'shell.menu' | transloco">
        <a mat-button routerLink="/workflows" routerLinkActive="active">{{ 'shell.workflows' | transloco }}</a>
        <a mat-button routerLink="/templates" routerLinkActive="active">{{ 'shell.templates' | transloco }}</a>
        <a mat-button routerLink="/flows" routerLinkActive="active">{{ 'shell.flows' | transloco }}</a>
        <a mat-button routerLink="/messages" routerLinkActive="active">{{ 'shell.messages' | transloco }}</a>
        <a mat-button routerLink="/dsl" routerLinkActive="active">{{ 'shell.dsl' | transloco }}</a>
      </nav>
      <span class="user">{{ session.me()?.name }}</span>
      <st-language-switch />
      <button mat-button type="button" (click)="logout()">{{ 'shell.logout' | transloco }}</button>
    </mat-toolbar>
    <main><router-outlet /></main>
  `,
})
export class ShellComponent {
  readonly session = inject(Session);
  private readonly router = inject(Router);

  async logout(): Promise<void> {
    await this.session.logout();
    await this.router.navigate(['/login']);
  }
}
