import { Injectable, computed, inject, signal } from '@angular/core';
import { Api } from '../../core/api';
import type { ApiSchema } from '../../core/api-schema';
import { flowAst, stepsById, stepTitles } from './flow-words';

/** A flow as the service answers it. */
export type Flow = ApiSchema<'Flow'>;

/** An error's problems: a refused start's (each step and setting still missing) or a refused template's. */
type ErrorProblem = NonNullable<NonNullable<ApiSchema<'Error'>['details']>['problems']>[number];
/** A start the server refused: each step and setting still missing, in words. */
export type StartProblem = Extract<ErrorProblem, { setting: string }>;

/** The flow a flow page shows, shared by its tabs, with its syntax tree and its steps' titles. */
@Injectable()
export class FlowStore {
  private readonly api = inject(Api);
  readonly flow = signal<Flow | undefined>(undefined);
  readonly ast = computed(() => {
    const source = this.flow()?.source;
    return source === undefined ? undefined : flowAst(source);
  });
  readonly steps = computed(() => stepsById(this.ast()));
  readonly titles = computed(() => stepTitles(this.ast()));

  async load(id: string): Promise<void> {
    this.flow.set(await this.api.get<Flow>(`/api/flows/${id}`));
  }

  async act(action: 'start' | 'pause' | 'end'): Promise<void> {
    this.flow.set(await this.api.post<Flow>(`/api/flows/${this.flow()!.id}/${action}`, {}));
  }

  /** A step's title, or its id when the step is no longer in the flow (a participant on a removed step). */
  titleOf(stepId: string | null): string {
    return stepId ? (this.titles().get(stepId) ?? stepId) : '';
  }
}

/** The problems of a refused start (409), when the refusal names them. */
export function startProblemsOf(error: unknown): StartProblem[] {
  const problems = (error as { error?: Partial<ApiSchema<'Error'>> }).error?.details?.problems ?? [];
  return problems.filter((problem): problem is StartProblem => 'setting' in problem);
}
