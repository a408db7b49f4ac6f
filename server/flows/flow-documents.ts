import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.js';
import { Clock } from '../clock/clock.js';
import { VersionedDocuments } from '../language/versioned-documents.js';
import { RecordNames } from '../records/record-names.js';
import { RenameListeners } from '../records/rename-listeners.js';
import { FlowTriggerIndex } from './engine/flow-trigger-index.js';
import { auditedFlow } from './flow-json.js';
import { Flow, FlowVersion } from './flow.entity.js';

/** Flows as versioned DSL documents; a change is announced to every instance's trigger index (a trigger may name a form or a selection). */
@Injectable()
export class FlowDocuments extends VersionedDocuments<Flow> {
  constructor(clock: Clock, audit: AuditLog, renames: RenameListeners, names: RecordNames) {
    super({
      name: 'flow',
      entity: Flow,
      versions: { entity: FlowVersion, owner: 'flow' },
      audited: auditedFlow,
      announce: (em) => FlowTriggerIndex.announce(em),
      usage: () => ({ about: 'person' }),
    }, clock, audit, renames, names);
  }
}
