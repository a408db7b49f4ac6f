import { ApiResponse } from '@nestjs/swagger';
import { errorResponse, registerComponentSchema } from '../common/openapi-components.js';

/** An export as JSON (format=json): its files by path. */
export const EXPORT_FILES_REF = {
  $ref: registerComponentSchema('ExportFiles', {
    type: 'object',
    required: ['files'],
    additionalProperties: false,
    properties: {
      files: {
        type: 'object',
        description: 'Path → text: manifest.json, statuses.json, task-types.json, workflow-settings.json, templates/*.json and *.liquid, workflows/*.stroom, flows/*.stroom',
        additionalProperties: { type: 'string' },
      },
    },
  }),
};

const ACTION = { type: 'string', enum: ['create', 'update', 'unchanged'] };

/** What an import changed, or would change on a dry run (see Importer.run). */
export const IMPORT_REPORT_REF = {
  $ref: registerComponentSchema('ImportReport', {
    type: 'object',
    required: ['dryRun', 'applied', 'changes', 'summary'],
    additionalProperties: false,
    properties: {
      dryRun: { type: 'boolean' },
      applied: { type: 'boolean' },
      changes: {
        type: 'array',
        items: {
          type: 'object',
          required: ['kind', 'name', 'action'],
          additionalProperties: false,
          properties: { kind: { type: 'string', enum: ['status', 'task_type', 'template', 'workflow', 'flow'] }, name: { type: 'string' }, action: ACTION },
        },
      },
      summary: {
        type: 'object',
        required: ['create', 'update', 'unchanged'],
        additionalProperties: false,
        properties: { create: { type: 'integer', minimum: 0 }, update: { type: 'integer', minimum: 0 }, unchanged: { type: 'integer', minimum: 0 } },
      },
    },
  }),
};

/** The answers of an export: a zip archive, or with format=json the files as JSON; then its errors. */
export function ApiExportAnswers(errors: number[]): MethodDecorator {
  const decorators = [
    ApiResponse({
      status: 200,
      description: 'A zip archive of the files (the default), or {files} with format=json',
      content: {
        'application/zip': { schema: { type: 'string', format: 'binary' } },
        'application/json': { schema: EXPORT_FILES_REF },
      },
    }),
    ...errors.map((status) => ApiResponse({ status, ...errorResponse(status) })),
  ];
  return (target, key, descriptor) => {
    for (const decorate of decorators) decorate(target, key, descriptor);
  };
}
