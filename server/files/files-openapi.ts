import { ApiResponse } from '@nestjs/swagger';
import { ERROR_REF, errorResponse, pageSchema, registerComponentSchema } from '../common/openapi-components.js';
import { EMAIL_IMAGE_TYPES } from './served-type.js';

const BINARY = { schema: { type: 'string', format: 'binary' } };

/** A published e-mail image: its bytes, typed by what they are; an unknown token is the usual JSON 404. */
export function ApiPublicImageAnswers(): MethodDecorator {
  const decorators = [
    ApiResponse({
      status: 200,
      description: 'The image, with the type its bytes show',
      headers: { 'Cache-Control': { schema: { type: 'string', enum: ['public, max-age=31536000, immutable'] } } },
      content: Object.fromEntries(EMAIL_IMAGE_TYPES.map((type) => [type, BINARY])),
    }),
    ApiResponse({ status: 404, description: 'No published image at this address', content: { 'application/json': { schema: { $ref: ERROR_REF } } } }),
  ];
  return (target, key, descriptor) => {
    for (const decorate of decorators) decorate(target, key, descriptor);
  };
}

/** An uploaded file as the file routes answer it (see fileJson); its content is at /api/files/{id}/content. */
export const STORED_FILE_REF = {
  $ref: registerComponentSchema('StoredFile', {
    type: 'object',
    required: ['id', 'name', 'type', 'size', 'createdAt'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', pattern: '^[0-9]+$' },
      name: { type: 'string' },
      type: { type: 'string', description: 'The content type given at upload (an image’s: read from its bytes)' },
      size: { type: 'integer', minimum: 0, description: 'Bytes' },
      createdAt: { type: 'string', format: 'date-time' },
      url: { type: 'string', format: 'uri', description: 'Only for an image uploaded for e-mails: its public address /img/<token>' },
    },
  }),
};

/** One page of them; named `…Page`, as `…List` names the record resources' pages. */
export const STORED_FILE_LIST_REF = { $ref: registerComponentSchema('StoredFilePage', pageSchema(STORED_FILE_REF.$ref)) };


/**
 * The answers of a download: the bytes, typed by what they are (never the uploader's claim), as
 * `application/octet-stream` when unknown or when a browser would run them; then its errors.
 */
export function ApiFileContent(errors: number[]): MethodDecorator {
  const decorators = [
    ApiResponse({
      status: 200,
      description: 'The file’s bytes, as an attachment. The content type is read from the bytes (image/png, application/pdf, …); unknown bytes and types a browser would run (HTML, SVG, script) are application/octet-stream.',
      content: { 'application/octet-stream': BINARY, '*/*': BINARY },
    }),
    ...errors.map((status) => ApiResponse({ status, ...errorResponse(status) })),
  ];
  return (target, key, descriptor) => {
    for (const decorate of decorators) decorate(target, key, descriptor);
  };
}
