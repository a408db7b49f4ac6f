import type { SendOrder } from './workflow-decisions.js';

/** The pending sends of one record to cancel: all but those of the workflows in `keep`. */
export interface RecordCancel {
  entity: string;
  entityId: string;
  keep: string[];
}

/**
 * What the events of one change-event batch decided about timed workflow sends, kept in memory so
 * that the batch writes it in two statements at its end, with the same outcome as writing it
 * event by event: a cancel ("all but these workflows") drops the sends earlier events of the batch
 * planned for the record, and of the sends stored before the batch it cancels those no event of the
 * batch kept (the intersection of their `keep` lists).
 */
export class WorkflowBatchWork {
  private readonly cancels = new Map<string, { entity: string; entityId: string; keep: Set<string> }>();
  private sends: { order: SendOrder; due: Date }[] = [];

  cancelAllBut(entity: string, entityId: string, keep: readonly string[]): void {
    const key = `${entity}:${entityId}`;
    const kept = new Set(keep);
    this.sends = this.sends.filter(({ order }) => order.entity !== entity || order.entityId !== entityId || kept.has(order.workflowId));
    const earlier = this.cancels.get(key);
    this.cancels.set(key, { entity, entityId, keep: earlier ? new Set([...earlier.keep].filter((id) => kept.has(id))) : kept });
  }

  later(order: SendOrder, due: Date): void {
    this.sends.push({ order, due });
  }

  /** The cancels of sends stored before the batch, one per record. */
  recordCancels(): RecordCancel[] {
    return [...this.cancels.values()].map(({ entity, entityId, keep }) => ({ entity, entityId, keep: [...keep] }));
  }

  /** The sends planned by the batch that no later event of it cancelled, in their order. */
  plannedSends(): readonly { order: SendOrder; due: Date }[] {
    return this.sends;
  }
}
