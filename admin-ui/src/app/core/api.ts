import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { translate } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';

export interface Page<T> {
  items: T[];
  total: number;
}

/** The service's JSON API; errors keep the server's `{message, details}` for showing at the field. */
@Injectable({ providedIn: 'root' })
export class Api {
  private readonly http = inject(HttpClient);

  post<T>(path: string, body: unknown): Promise<T> {
    return firstValueFrom(this.http.post<T>(path, body));
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return firstValueFrom(this.http.patch<T>(path, body));
  }

  delete(path: string): Promise<unknown> {
    return firstValueFrom(this.http.delete(path));
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return firstValueFrom(this.http.put<T>(path, body));
  }

  get<T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params = params.set(key, String(value));
    return firstValueFrom(this.http.get<T>(path, { params }));
  }
}

/** The server's message for a failed call, in plain words. */
export function errorMessage(error: unknown): string {
  const body = (error as { error?: { message?: string } }).error;
  return body?.message ?? translate('errors.generic');
}

/**
 * The server's message per field of a 400 (`details.field`, or `details.issues[].field`), in the
 * language the call asked for; shown at the field, so without the field's name before it.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  const body = (error as { error?: { message?: string; details?: { field?: string; issues?: { field: string; code?: string; message: string }[] } } }).error;
  const out: Record<string, string> = {};
  const field = body?.details?.field;
  if (field) out[field] = withoutPrefix(body.message ?? '', `${field}: `);
  for (const issue of body?.details?.issues ?? []) out[issue.field.replace(/^body\./, '')] = issue.message;
  return out;
}

function withoutPrefix(text: string, prefix: string): string {
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

/** A failed save or check as a form shows it: messages at their fields, or one message when none names a field. */
export function failureOf(error: unknown): { fields: Record<string, string>; message: string } {
  const fields = fieldErrors(error);
  return { fields, message: Object.keys(fields).length === 0 ? errorMessage(error) : '' };
}
