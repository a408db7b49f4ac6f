import { DatePipe } from '@angular/common';
import { Component, effect, inject, signal } from '@angular/core';
import { Api, type Page } from '../../core/api';
import { FlowStore } from './flow-store';

interface Version {
  version: number;
  author: string;
  createdAt: string;
}

/** The flow's DSL as stored (with its step ids) and its versions. */
@Component({
  selector: 'st-flow-source',
  imports: [DatePipe],
  styles: `pre { background: #f5f5f5; padding: 12px; overflow: auto; font-size: 13px; }`,
  template: `
    <pre aria-label="DSL van de flow">{{ store.flow()?.source }}</pre>
    <h3>Versies</h3>
    <ul>
      @for (v of versions(); track v.version) { <li>Versie {{ v.version }} · {{ v.author }} · {{ v.createdAt | date: 'dd-MM-yyyy HH:mm' }}</li> }
    </ul>
  `,
})
export class FlowSourceComponent {
  private readonly api = inject(Api);
  readonly store = inject(FlowStore);
  readonly versions = signal<Version[]>([]);

  constructor() {
    effect(() => {
      const flow = this.store.flow();
      if (flow) void this.api.get<Page<Version>>(`/api/flows/${flow.id}/versions`).then((page) => this.versions.set(page.items));
    });
  }
}
