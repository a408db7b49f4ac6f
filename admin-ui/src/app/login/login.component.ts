import { Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { errorMessage } from '../core/api';
import { Session } from '../core/session';

@Component({
  selector: 'st-login',
  imports: [FormsModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatInputModule],
  styles: `
    :host { display: flex; justify-content: center; padding-top: 10vh; }
    mat-card { width: 360px; padding: 16px; }
    form { display: flex; flex-direction: column; gap: 8px; }
  `,
  template: `
    <mat-card>
      <h1>Stroom</h1>
      <form (ngSubmit)="submit()">
        <mat-form-field>
          <mat-label>E-mailadres</mat-label>
          <input matInput name="email" type="email" autocomplete="username" required [(ngModel)]="email" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>Wachtwoord</mat-label>
          <input matInput name="password" type="password" autocomplete="current-password" required [(ngModel)]="password" />
        </mat-form-field>
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        }
        <button mat-flat-button type="submit" [disabled]="busy()">Inloggen</button>
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
