import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';

export interface Page<T> {
  items: T[];
  total: number;
}

/** The service's JSON API; errors keep the server's `{message, details}` for showing at the field. */
@Injectable({ providedIn: 'root' })
export class Api {
  private readonly http = inject(HttpClient);

  get<T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params = params.set(key, String(value));
    return firstValueFrom(this.http.get<T>(path, { params }));
  }
}

/** The server's message for a failed call, in plain words. */
export function errorMessage(error: unknown): string {
  const body = (error as { error?: { message?: string } }).error;
  return body?.message ?? 'Er ging iets mis; probeer het opnieuw.';
}
