import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { ApiSchema } from './api-schema';

/** Who is signed in, as `GET /api/auth/me` answers. */
export type Me = ApiSchema<'Me'>;

/** Who is signed in (the session cookie is HttpOnly: the API tells). */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly http = inject(HttpClient);
  readonly me = signal<Me | null | undefined>(undefined);
  readonly isFlowAdmin = computed(() => this.me()?.roles.includes('flow_admin') ?? false);

  async load(): Promise<Me | null> {
    if (this.me() !== undefined) return this.me()!;
    try {
      this.me.set(await firstValueFrom(this.http.get<Me>('/api/auth/me')));
    } catch {
      this.me.set(null);
    }
    return this.me()!;
  }

  async login(email: string, password: string): Promise<void> {
    await firstValueFrom(this.http.post('/api/auth/login', { email, password }));
    this.me.set(undefined);
    await this.load();
  }

  async logout(): Promise<void> {
    await firstValueFrom(this.http.post('/api/auth/logout', {})).catch(() => undefined);
    this.me.set(null);
  }

  forget(): void {
    this.me.set(null);
  }
}
