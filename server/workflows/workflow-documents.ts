import { Injectable } from '@nestjs/common';
import { parse, triggerEntity, type Workflow as WorkflowAst } from '@stroom/dsl';
import { AuditLog } from '../audit/audit-log.js';
import { Clock } from '../clock/clock.js';
import { bumpRuleSetVersion } from '../facts/rule-set-versions.js';
import { VersionedDocuments } from '../language/versioned-documents.js';
import { RecordNames } from '../records/record-names.js';
import { RenameListeners } from '../records/rename-listeners.js';
import { Workflow, WorkflowVersion } from './workflow.entity.js';

/** Workflows as versioned DSL documents; a change bumps the rule-set version, so every instance rebuilds its rule index. */
@Injectable()
export class WorkflowDocuments extends VersionedDocuments<Workflow> {
  constructor(clock: Clock, audit: AuditLog, renames: RenameListeners, names: RecordNames) {
    super({
      name: 'workflow',
      entity: Workflow,
      versions: { entity: WorkflowVersion, owner: 'workflow' },
      audited: (workflow) => ({ source: workflow.source }),
      announce: (em) => bumpRuleSetVersion(em, 'workflows'),
      usage: (workflow) => ({ ...(workflow.settingKey ? { settingKey: workflow.settingKey } : {}), ...aboutOf(workflow.source) }),
    }, clock, audit, renames, names);
  }
}

/** The record kind a workflow is about: its trigger's entity. */
function aboutOf(source: string): { about?: string } {
  const declaration = parse(source).ast.declarations[0] as WorkflowAst | undefined;
  return declaration?.kind === 'workflow' ? { about: triggerEntity(declaration.trigger) } : {};
}
