import { Remembered } from '@stroom/dsl';

/**
 * The HTTP API speaks camelCase, the DSL, templates and change events speak snake_case.
 * This is the one place that converts between them.
 */
export function toSnake(name: string): string {
  // Called for every field of every record turned into facts: the same few names again and again.
  return snakeNames.get(name, (camel) => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
}

const snakeNames = new Remembered<string, string>(10_000);

export function toCamel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Entity class names (`QuoteRequest`) to event entity names (`quote_request`). */
export function entityEventName(className: string): string {
  return toSnake(className.charAt(0).toLowerCase() + className.slice(1));
}
