import { describe, expect, it } from '@jest/globals';
import { WorkflowBatchWork } from './batch-work.js';

const order = (workflowId: string, entityId = '7') => ({ workflowId, eventId: '1', entity: 'quote_request', entityId, action: 0, reminder: 0 });
const due = new Date('2026-12-10T09:00:00Z');

describe('the timed sends of a change-event batch', () => {
  it('drops a send an earlier event planned when a later event of the record keeps only other workflows', () => {
    const work = new WorkflowBatchWork();
    work.later(order('1'), due);
    work.later(order('2'), due);
    work.later(order('1', '8'), due);
    work.cancelAllBut('quote_request', '7', ['2']);
    expect(work.plannedSends().map((s) => `${s.order.workflowId}@${s.order.entityId}`)).toEqual(['2@7', '1@8']);
  });

  it('keeps a send planned after the cancel of its record', () => {
    const work = new WorkflowBatchWork();
    work.cancelAllBut('quote_request', '7', []);
    work.later(order('1'), due);
    expect(work.plannedSends()).toHaveLength(1);
    expect(work.recordCancels()).toEqual([{ entity: 'quote_request', entityId: '7', keep: [] }]);
  });

  it('cancels of the stored sends what any event of the batch did not keep', () => {
    const work = new WorkflowBatchWork();
    work.cancelAllBut('quote_request', '7', ['1', '2', '3']);
    work.cancelAllBut('quote_request', '7', ['2', '3', '4']);
    work.cancelAllBut('task', '7', ['9']);
    expect(work.recordCancels()).toEqual([
      { entity: 'quote_request', entityId: '7', keep: ['2', '3'] },
      { entity: 'task', entityId: '7', keep: ['9'] },
    ]);
  });
});
