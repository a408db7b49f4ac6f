import { signal } from '@angular/core';
import { type Api, errorMessage } from '../../core/api';
import type { ApiSchema } from '../../core/api-schema';

export type SelectionRow = Pick<ApiSchema<'Selection'>, 'id' | 'name'>;

const SEARCH_DELAY_MS = 250;

/** A selection chosen by typing its name: the matches (asked of the service after a pause) and the one chosen. */
export class SelectionSearch {
  readonly options = signal<SelectionRow[]>([]);
  readonly chosen = signal<SelectionRow | undefined>(undefined);
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly api: Api,
    private readonly failed: (message: string) => void,
  ) {}

  readonly display = (value: SelectionRow | string | null): string => (typeof value === 'string' ? value : (value?.name ?? ''));

  /** Text typed (a new search; nothing chosen until an option is), or an option the autocomplete set. */
  typed(value: string | SelectionRow): void {
    if (typeof value !== 'string') return;
    this.chosen.set(undefined);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.api.get<ApiSchema<'SelectionList'>>('/api/selections', { q: value.trim(), limit: 10 }).then((page) => this.options.set(page.items), (e: unknown) => this.failed(errorMessage(e)));
    }, SEARCH_DELAY_MS);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
