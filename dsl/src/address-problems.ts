// What can be wrong with an e-mail address or phone number written in a rule, apart from the
// checks themselves so that the message catalogue can name them without importing the checker.
/** What can be wrong with an address, in English; the diagnostic names the key (`params.reason`) for its own catalogue. */
export const ADDRESS_PROBLEMS = {
  email_control: 'an e-mail address has no line breaks or other control characters',
  not_email: 'not an e-mail address (as in name@example.nl)',
  address_alone: 'give the address alone (as in name@example.nl), without a name or brackets',
  phone_control: 'a phone number has no line breaks or other control characters',
  not_phone: 'not a phone number in international form (as in +31612345678)',
} as const;
export type AddressProblem = keyof typeof ADDRESS_PROBLEMS;
