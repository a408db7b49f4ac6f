import { ApiResponse } from '@nestjs/swagger';

function all(...decorators: MethodDecorator[]): MethodDecorator {
  return (target, key, descriptor) => {
    for (const decorate of decorators) decorate(target, key, descriptor);
  };
}

export const ApiOpenAnswers = () =>
  all(
    ApiResponse({
      status: 200,
      description: 'A transparent 1×1 GIF, also for an unknown token',
      headers: { 'Cache-Control': { schema: { type: 'string', enum: ['no-store'] } } },
      content: { 'image/gif': { schema: { type: 'string', format: 'binary' } } },
    }),
  );
