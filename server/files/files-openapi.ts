import { ApiResponse } from '@nestjs/swagger';
import { ERROR_REF } from '../common/openapi-components.js';
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
