// The texts of the contact policy's own diagnostics and phrases (spread into messages.ts).
type Render = (p: Readonly<Record<string, unknown>>) => string;

export const POLICY_EN: Record<string, Render> = {
  'expected-policy': () => "a contact policy starts with 'policy {'",
  'quiet-hours-empty': () => 'quiet hours that start when they end cover nothing',
  'policy-given-twice': (p) => `${String(p['what'])} is given twice; the policy keeps one`,
  'winner-confidence': () => 'a winner is picked at 95% or 99% confidence',
  'bad-percent': (p) => `a share is a whole percentage from 0 to 100, not ${String(p['found'])}`,
  'random-only': (p) => `'${String(p['what'])}' belongs in a 'split random'`,
  'random-others': () => "a 'split random' gives every person a branch or the holdout: it has no 'others'",
  'random-branch-share': () => "a branch of a 'split random' takes a share such as 50%, not a condition",
  'random-total': (p) => `the branches and holdout of a 'split random' add up to ${String(p['total'])}%, not 100%`,
};

export const POLICY_NL: Record<string, Render> = {
  'expected-policy': () => "een contactbeleid begint met 'policy {'",
  'quiet-hours-empty': () => 'stille uren die eindigen waar ze beginnen beslaan niets',
  'policy-given-twice': (p) => `${String(p['what'])} staat er twee keer; het beleid houdt er één`,
  'winner-confidence': () => 'een winnaar wordt gekozen bij 95% of 99% zekerheid',
  'bad-percent': (p) => `een aandeel is een heel percentage van 0 tot 100, niet ${String(p['found'])}`,
  'random-only': (p) => `'${String(p['what'])}' hoort in een 'split random'`,
  'random-others': () => "een 'split random' geeft iedereen een branch of de holdout: hij heeft geen 'others'",
  'random-branch-share': () => "een branch van een 'split random' krijgt een aandeel zoals 50%, geen voorwaarde",
  'random-total': (p) => `de branches en holdout van een 'split random' tellen op tot ${String(p['total'])}%, niet 100%`,
};

export const POLICY_NL_PHRASES: Readonly<Record<string, string>> = {
  messages: 'berichten',
  participants: 'deelnemers',
  percent: 'procent',
  'the period': 'de periode',
  'the end of the line': 'het einde van de regel',
  'the end of the text': 'het einde van de tekst',
  "'defer' or 'skip'": "'defer' of 'skip'",
  'a time such as 21:00': 'een tijd zoals 21:00',
};
