/** The text a new rule starts from: the smallest rule of each kind, to be filled in. */
export const STARTERS: Record<'workflows' | 'flows', string> = {
  workflows: `workflow "Nieuwe workflow" {
  on person created
  send email "sjabloon-sleutel" to person
}
`,
  flows: `flow "Nieuwe flow" {
  sender "Naam <info@example.com>"
  reply_to "info@example.com"
  trigger manual

  wait 1 day
}
`,
};
