import { signal } from '@angular/core';
import type { PageEvent } from '@angular/material/paginator';
import { errorMessage, type Page } from './api';

/**
 * A list paged on the server (`{items, total}` for a `limit` and `offset`), as a table and its
 * paginator show it: the rows of the page, the total, and the message of a failed load.
 */
export class PagedList<T> {
  readonly rows = signal<T[]>([]);
  readonly total = signal(0);
  readonly error = signal('');
  pageSize = 25;
  private offset = 0;

  constructor(private readonly fetch: (paging: { limit: number; offset: number }) => Promise<Page<T>>) {}

  page(event: PageEvent): void {
    this.pageSize = event.pageSize;
    this.offset = event.pageIndex * event.pageSize;
    void this.load();
  }

  /** From the first page again (a filter changed). */
  async reload(): Promise<void> {
    this.offset = 0;
    await this.load();
  }

  /** The current page again. */
  async load(): Promise<void> {
    try {
      const page = await this.fetch({ limit: this.pageSize, offset: this.offset });
      this.rows.set(page.items);
      this.total.set(page.total);
      this.error.set('');
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }
}
