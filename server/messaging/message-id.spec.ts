import { describe, expect, it } from '@jest/globals';
import { domainOf, messageIdFor } from './message-id.js';

describe('messageIdFor', () => {
  it('is the same for the same key and differs between keys', () => {
    expect(messageIdFor('wf:1:ev:2:0:0', 'example.org')).toBe(messageIdFor('wf:1:ev:2:0:0', 'example.org'));
    expect(messageIdFor('wf:1:ev:2:0:0', 'example.org')).not.toBe(messageIdFor('wf:1:ev:2:0:1', 'example.org'));
    expect(messageIdFor('k', 'example.org')).toMatch(/^<[0-9a-f]{40}@example\.org>$/);
  });

  it('stays what it was: a resend after an upgrade carries the Message-ID of the first send', () => {
    // The first 40 hex digits of the key's SHA-256.
    expect(messageIdFor('flow:1:p:2:s2:v1', 'example.org')).toBe('<77042bfc1675d99302d0906af86e98b4d33fc277@example.org>');
  });

  it('takes the domain of the sender', () => {
    expect(domainOf('Energieloket <info@Energieloket.example>')).toBe('energieloket.example');
    expect(domainOf('a@b.nl')).toBe('b.nl');
    expect(domainOf(undefined)).toBe('stroom.local');
  });
});
