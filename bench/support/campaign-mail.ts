/** The campaign benchmark's e-mail template, and the same e-mail rendered for the n-th person. */
export const CAMPAIGN_TEMPLATE = {
  key: 'campagne',
  name: 'Campagne',
  channel: 'email',
  subject: 'Nieuws voor {{ person.first_name }}',
  body: '<p>Beste {{ person.first_name }},</p><p>Deze maand bij ons: nieuwe dakisolatie met subsidie. <a href="https://example.org/aanbod">Bekijk het aanbod</a>.</p>',
};

export function campaignMail(n: number): { subject: string; html: string } {
  const name = `P${n}`;
  return {
    subject: `Nieuws voor ${name}`,
    html: `<p>Beste ${name},</p><p>Deze maand bij ons: nieuwe dakisolatie met subsidie. <a href="https://example.org/aanbod">Bekijk het aanbod</a>.</p>`,
  };
}
