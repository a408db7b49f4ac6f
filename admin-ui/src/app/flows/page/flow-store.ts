import { Injectable, inject, signal } from '@angular/core';
import { Api } from '../../core/api';

export interface Flow {
  id: string;
  name: string;
  source: string;
  status: 'not_running' | 'running' | 'paused';
  version: number;
  updatedAt: string;
}

/** The flow a flow page shows, shared by its tabs. */
@Injectable()
export class FlowStore {
  private readonly api = inject(Api);
  readonly flow = signal<Flow | undefined>(undefined);

  async load(id: string): Promise<void> {
    this.flow.set(await this.api.get<Flow>(`/api/flows/${id}`));
  }

  async act(action: 'start' | 'pause' | 'end'): Promise<void> {
    this.flow.set(await this.api.post<Flow>(`/api/flows/${this.flow()!.id}/${action}`, {}));
  }
}
