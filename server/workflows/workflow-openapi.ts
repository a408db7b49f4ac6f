import { pageSchema, registerComponentSchema } from '../common/openapi-components.js';

/** A workflow as its routes answer it (see workflowJson). */
export const WORKFLOW_REF = {
  $ref: registerComponentSchema('Workflow', {
    type: 'object',
    required: ['id', 'name', 'source', 'active', 'settingKey', 'version', 'createdAt', 'updatedAt'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', pattern: '^[0-9]+$' },
      name: { type: 'string' },
      source: { type: 'string', description: 'The workflow in the DSL' },
      active: { type: 'boolean' },
      settingKey: { type: 'string', nullable: true, description: 'The setting that made this workflow, if one did' },
      version: { type: 'integer', minimum: 1 },
      createdAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
    },
  }),
};

export const WORKFLOW_LIST_REF = { $ref: registerComponentSchema('WorkflowList', pageSchema(WORKFLOW_REF.$ref)) };

const ID = { type: 'string', pattern: '^[0-9]+$' };
const NULLABLE_ID = { ...ID, nullable: true };
const DAYS = { type: 'integer', minimum: 0, nullable: true };

const VALUE = { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] };

/** One kind of condition test: `kind`, the field it reads, its own properties; under a `not` it is `inverted`. */
function conditionTest(kind: string, required: string[], properties: Record<string, unknown>, invertible = true) {
  return {
    type: 'object',
    required: ['kind', 'field', ...required],
    additionalProperties: false,
    properties: {
      kind: { type: 'string', enum: [kind] },
      field: { type: 'string' },
      ...properties,
      ...(invertible ? { inverted: { type: 'boolean', description: 'It stands under a `not`' } } : {}),
    },
  };
}

/** A condition as data, for a UI that words it in its own language: a leaf of the rule's `when`, or the trigger's target state. */
const WORKFLOW_CONDITION_TEST_REF = {
  $ref: registerComponentSchema('WorkflowConditionTest', {
    oneOf: [
      conditionTest('trigger', ['to'], { to: VALUE }, false),
      conditionTest('compare', ['operator', 'value'], { operator: { type: 'string', enum: ['=', '!=', '<', '<=', '>', '>='] }, value: VALUE }),
      conditionTest('in', ['values'], { values: { type: 'array', items: VALUE } }),
      conditionTest('contains', ['value'], { value: VALUE }),
      conditionTest('empty', ['negated'], { negated: { type: 'boolean' } }),
      conditionTest('changed', [], { from: VALUE, to: VALUE }),
    ],
  }),
};

/** `POST /api/workflows/:id/explain` (WorkflowExplainer). */
export const WORKFLOW_EXPLANATION_REF = {
  $ref: registerComponentSchema('WorkflowExplanation', {
    type: 'object',
    required: ['workflow', 'record', 'matches', 'conditions', 'pending'],
    additionalProperties: false,
    properties: {
      workflow: {
        type: 'object', required: ['id', 'name', 'active'], additionalProperties: false,
        properties: { id: ID, name: { type: 'string' }, active: { type: 'boolean' } },
      },
      record: {
        type: 'object', required: ['entity', 'id'], additionalProperties: false,
        properties: { entity: { type: 'string' }, id: { type: 'string' } },
      },
      matches: { type: 'boolean', description: 'Active, the trigger state holds and the conditions hold' },
      conditions: {
        type: 'array',
        items: {
          type: 'object',
          required: ['condition', 'holds', 'test'],
          additionalProperties: false,
          properties: {
            condition: { type: 'string', description: 'The condition in words of the DSL' },
            field: { type: 'string' },
            value: { description: 'The fact value of the field now (any JSON value, null when absent)' },
            holds: { type: 'boolean' },
            test: WORKFLOW_CONDITION_TEST_REF,
          },
        },
      },
      pending: {
        type: 'array',
        items: {
          type: 'object',
          required: ['jobId', 'dueAt', 'action', 'reminder', 'attempts'],
          additionalProperties: false,
          properties: {
            jobId: ID,
            dueAt: { type: 'string', format: 'date-time' },
            action: { type: 'integer', minimum: 0, description: 'Index of the send in the workflow' },
            reminder: { type: 'integer', minimum: 0 },
            attempts: { type: 'integer', minimum: 0 },
          },
        },
      },
    },
  }),
};

/** One status row of the workflow-settings form: the status and the e-mail its workflow sends. */
export const STATUS_WORKFLOW_SETTING_REF = {
  $ref: registerComponentSchema('StatusWorkflowSetting', {
    type: 'object',
    required: ['id', 'name', 'statusActive', 'active', 'sendReminder', 'templateKey', 'delayDays', 'recipient', 'reminderIntervalDays', 'reminderMaxCount', 'customized', 'workflowId'],
    additionalProperties: false,
    properties: {
      id: ID,
      name: { type: 'string' },
      statusActive: { type: 'boolean', description: 'Whether the status itself is in use' },
      active: { type: 'boolean', description: 'Whether its workflow is active' },
      sendReminder: { type: 'boolean' },
      templateKey: { type: 'string', nullable: true },
      delayDays: DAYS,
      recipient: { type: 'string', nullable: true, description: 'person, owner, our_contact, service_contact or an e-mail address' },
      reminderIntervalDays: { type: 'integer', minimum: 1, nullable: true },
      reminderMaxCount: { type: 'integer', minimum: 1, nullable: true },
      customized: { type: 'boolean', description: 'The DSL says more than the form can show: only active can change here' },
      workflowId: NULLABLE_ID,
    },
  }),
};

export const STATUS_WORKFLOW_SETTING_LIST_REF = { $ref: registerComponentSchema('StatusWorkflowSettingList', pageSchema(STATUS_WORKFLOW_SETTING_REF.$ref)) };

const taskPart = (withDelay: boolean) => ({
  type: 'object',
  required: ['active', 'templateKey', ...(withDelay ? ['delayDays'] : []), 'customized', 'workflowId'],
  additionalProperties: false,
  properties: {
    active: { type: 'boolean' },
    templateKey: { type: 'string', nullable: true },
    ...(withDelay ? { delayDays: DAYS } : {}),
    customized: { type: 'boolean' },
    workflowId: NULLABLE_ID,
  },
});

const TASK_PART_REF = { $ref: registerComponentSchema('TaskWorkflowSetting', taskPart(false)) };
const TASK_COMPLETED_PART_REF = { $ref: registerComponentSchema('TaskCompletedWorkflowSetting', taskPart(true)) };

/** A task type with its three workflows: when a task is new, expired and completed. */
export const TASK_TYPE_WORKFLOW_SETTINGS_REF = {
  $ref: registerComponentSchema('TaskTypeWorkflowSettings', {
    type: 'object',
    required: ['id', 'name', 'onNew', 'onExpired', 'onCompleted'],
    additionalProperties: false,
    properties: { id: ID, name: { type: 'string' }, onNew: TASK_PART_REF, onExpired: TASK_PART_REF, onCompleted: TASK_COMPLETED_PART_REF },
  }),
};

export const TASK_TYPE_WORKFLOW_SETTINGS_LIST_REF = { $ref: registerComponentSchema('TaskTypeWorkflowSettingsList', pageSchema(TASK_TYPE_WORKFLOW_SETTINGS_REF.$ref)) };
