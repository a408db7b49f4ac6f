import { describe, expect, it } from '@jest/globals';
import { domainOf, messageIdFor } from './message-id.js';

describe('messageIdFor', () => {
  it('is the same for the same key and differs between keys', () => {
    expect(messageIdFor('wf:1:ev:2:0:0', 'example.org')).toBe(messageIdFor('wf:1:ev:2:0:0', 'example.org'));
    expect(messageIdFor('wf:1:ev:2:0:0', 'example.org')).not.toBe(messageIdFor('wf:1:ev:2:0:1', 'example.org'));
    expect(messageIdFor('k', 'example.org')).toMatch(/^<[0-9a-f]{40}@example\.org>$/);
  });

  it('takes the domain of the sender', () => {
    expect(domainOf('Energieloket <info@Energieloket.example>')).toBe('energieloket.example');
    expect(domainOf('a@b.nl')).toBe('b.nl');
    expect(domainOf(undefined)).toBe('stroom.local');
  });
});
