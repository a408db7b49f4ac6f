import { Component, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { errorMessage } from '../core/api';
import { Session } from '../core/session';
import { LanguageChoice } from '../i18n/language-choice';
import { LanguageSwitchComponent } from '../i18n/language-switch.component';

@Component({
  selector: 'st-login',
  imports: [FormsModule, LanguageSwitchComponent, MatButtonModule, MatCardModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  styles: `
    :host { display: flex; justify-content: center; padding-top: 10vh; }
    mat-card { width: 360px; padding: 16px; }
    form { display: flex; flex-direction: column; gap: 8px; }
    header { display: flex; justify-content: space-between; align-items: center; }
  `,
  template: `
    <mat-card>
      <header><h1>Stroom</h1><st-language-switch /></header>
      <form (ngSubmit)="submit()">
        <mat-form-field>
          <mat-label>{{ 'login.email' | transloco }}</mat-label>
          <input matInput name="email" type="email" autocomplete="username" required [(ngModel)]="email" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'login.password' | transloco }}</mat-label>
          <input matInput name="password" type="password" autocomplete="current-password" required [(ngModel)]="password" />
        </mat-form-field>
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        }
        <button mat-flat-button type="submit" [disabled]="busy()">{{ 'login.submit' | transloco }}</button>
      </form>
    </mat-card>
  `,
})
export class LoginComponent {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  readonly returnUrl = input<string>();
  email = '';
  password = '';
  readonly error = signal('');
  readonly busy = signal(false);

  constructor() {
    // The server's message is in the language it was asked in: another language drops it rather than mix the two.
    const language = inject(LanguageChoice);
    effect(() => {
      language.current();
      untracked(() => this.error.set(''));
    });
  }

  async submit(): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    try {
      await this.session.login(this.email, this.password);
      await this.router.navigateByUrl(this.returnUrl() || '/');
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
