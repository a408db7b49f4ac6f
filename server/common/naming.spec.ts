import { describe, expect, it } from '@jest/globals';
import { entityEventName, toCamel, toSnake } from './naming.js';

describe('naming', () => {
  it.each([
    ['firstName', 'first_name'],
    ['ourContactId', 'our_contact_id'],
    ['email', 'email'],
  ])('maps %s <-> %s', (camel, snake) => {
    expect(toSnake(camel)).toBe(snake);
    expect(toCamel(snake)).toBe(camel);
  });

  it('names entities as events do', () => {
    expect(entityEventName('QuoteRequest')).toBe('quote_request');
    expect(entityEventName('FollowUp')).toBe('follow_up');
    expect(entityEventName('Person')).toBe('person');
  });
});
