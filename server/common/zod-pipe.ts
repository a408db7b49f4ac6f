import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { parseInput } from './validation.js';

/**
 * Parses a request's body or query with a zod schema, so the handler and its service take a typed value:
 * `@Body(new ZodPipe(schema)) body: z.output<typeof schema>`. A failure is the same coded 400 as
 * `parseInput`, its top-level field named `body` or `query` after where the value came from.
 * `whenAbsent` stands in for a missing body (a POST that sends none).
 */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    readonly schema: S,
    private readonly options: { whenAbsent?: unknown } = {},
  ) {}

  transform(value: unknown, metadata: ArgumentMetadata): z.output<S> {
    const where = metadata.type === 'query' ? 'query' : 'body';
    return parseInput(this.schema, value === undefined && 'whenAbsent' in this.options ? this.options.whenAbsent : value, where);
  }
}

/** Any JSON object, its fields left for the service to check (a record body whose fields the record definition validates). */
export const jsonObject = z.record(z.string(), z.unknown());

