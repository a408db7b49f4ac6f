import { Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { Session } from '../core/session';

@Component({
  selector: 'st-shell',
  imports: [MatButtonModule, MatToolbarModule, RouterLink, RouterLinkActive, RouterOutlet],
  styles: `
    nav { display: flex; gap: 4px; margin-left: 24px; flex: 1; }
    nav a.active { background: rgba(0, 0, 0, 0.08); }
    .user { font-size: 14px; margin-right: 8px; }
  `,
  template: `
    <mat-toolbar>
      <span>Stroom</span>
      <nav aria-label="Hoofdmenu">
        <a mat-button routerLink="/workflows" routerLinkActive="active">Workflows</a>
        <a mat-button routerLink="/templates" routerLinkActive="active">Sjablonen</a>
        <a mat-button routerLink="/flows" routerLinkActive="active">Flows</a>
        <a mat-button routerLink="/messages" routerLinkActive="active">Berichten</a>
        <a mat-button routerLink="/dsl" routerLinkActive="active">DSL</a>
      </nav>
      <span class="user">{{ session.me()?.name }}</span>
      <button mat-button type="button" (click)="logout()">Uitloggen</button>
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
