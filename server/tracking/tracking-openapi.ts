import { ApiResponse } from '@nestjs/swagger';
import { ERROR_REF } from '../common/openapi-components.js';

const HTML_PAGE = { 'text/html': { schema: { type: 'string', description: 'A short page for people' } } };

/** A page for people answered with `status` (the tracking addresses answer pages, never JSON, even when not found). */
function page(status: number, description: string) {
  return ApiResponse({ status, description, content: HTML_PAGE });
}

function all(...decorators: MethodDecorator[]): MethodDecorator {
  return (target, key, descriptor) => {
    for (const decorate of decorators) decorate(target, key, descriptor);
  };
}

const NOT_FOUND_PAGE = page(404, 'No such (or no longer a) token: a page saying so');

export const ApiClickAnswers = () =>
  all(
    ApiResponse({
      status: 302,
      description: 'Recorded; redirects to the original address',
      headers: { Location: { description: 'The original address of the link', schema: { type: 'string', format: 'uri' } } },
      content: {
        'text/plain': { schema: { type: 'string', description: 'A one-line note naming the address (when the caller does not prefer HTML)' } },
        'text/html': { schema: { type: 'string', description: 'The same note as HTML (for a browser)' } },
      },
    }),
    NOT_FOUND_PAGE,
  );

export const ApiOpenAnswers = () =>
  all(
    ApiResponse({
      status: 200,
      description: 'A transparent 1×1 GIF, also for an unknown token',
      headers: { 'Cache-Control': { schema: { type: 'string', enum: ['no-store'] } } },
      content: { 'image/gif': { schema: { type: 'string', format: 'binary' } } },
    }),
  );

export const ApiUnsubscribePageAnswers = () => all(page(200, 'A page asking to confirm, with a button that posts the unsubscribe'), NOT_FOUND_PAGE);

export const ApiUnsubscribeAnswers = () =>
  all(
    page(200, 'Unsubscribed: a page saying so'),
    NOT_FOUND_PAGE,
    ApiResponse({ status: 413, description: 'The request body is too large (refused before the token is read)', content: { 'application/json': { schema: { $ref: ERROR_REF } } } }),
  );
