import type { Provider } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { AuditLog } from '../audit/audit-log.js';
import { Clock } from '../clock/clock.js';
import { ChangeRecorder } from '../events/change-recorder.js';
import type { BaseRecord } from './base-record.js';
import { recordServiceToken } from './record-controller.js';
import { RecordService } from './record.service.js';
import { DeletionListeners } from './deletion-listeners.js';
import { RenameListeners } from './rename-listeners.js';
import { UpdateListeners } from './update-listeners.js';
import type { Resource } from './resource.js';

/** The Nest provider of a resource's RecordService, under recordServiceToken(resource). */
export function recordServiceProvider(resource: Resource<BaseRecord>): Provider {
  return {
    provide: recordServiceToken(resource),
    useFactory: (em: EntityManager, recorder: ChangeRecorder, clock: Clock, renames: RenameListeners, audit: AuditLog, deletions: DeletionListeners, updates: UpdateListeners) =>
      new RecordService(resource, em, recorder, clock, renames, audit, deletions, updates),
    inject: [EntityManager, ChangeRecorder, Clock, RenameListeners, AuditLog, DeletionListeners, UpdateListeners],
  };
}
