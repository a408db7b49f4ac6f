/** The campaign benchmark's e-mail template, and the same e-mail as Stroom renders and sends it for the n-th person. */
export const CAMPAIGN_TEMPLATE = {
  key: 'campagne',
  name: 'Campagne',
  channel: 'email',
  subject: 'Nieuws voor {{ person.first_name }}',
  body: '<p>Beste {{ person.first_name }},</p><p>Deze maand bij ons: nieuwe dakisolatie met subsidie. <a href="https://example.org/aanbod">Bekijk het aanbod</a>.</p>',
};

export interface CampaignMail {
  from: string;
  replyTo: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  messageId: string;
}

/** A token of a tracked address's length (22 characters), different per message and kind. */
function token(n: number, kind: string): string {
  return `${kind}${n.toString(36)}`.padEnd(22, '_');
}

/**
 * The e-mail Stroom sends to the n-th person of the campaign, built by concatenation: the same
 * parts (HTML with its tracked link and open pixel, the plain-text alternative, the one-click
 * unsubscribe headers, a reply-to, a 40-character Message-ID), so the raw sender's messages are as
 * large as the service's (the benchmark prints both sides' bytes per e-mail).
 * `base` is the service's public address, whose length the tracked addresses take.
 */
export function campaignMail(n: number, base: string): CampaignMail {
  const name = `P${n}`;
  const link = `${base}/l/${token(n, 'l')}`;
  return {
    from: 'Bench <bench@stroom.test>',
    replyTo: 'bench@stroom.test',
    subject: `Nieuws voor ${name}`,
    html: `<p>Beste ${name},</p><p>Deze maand bij ons: nieuwe dakisolatie met subsidie. <a href="${link}">Bekijk het aanbod</a>.</p>`
      + `<img src="${base}/o/${token(n, 'o')}" width="1" height="1" alt="" style="display:none">`,
    text: `Beste ${name},\n\nDeze maand bij ons: nieuwe dakisolatie met subsidie. Bekijk het aanbod\n[${link}].`,
    headers: { 'List-Unsubscribe': `<${base}/u/${token(n, 'u')}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    messageId: `<${n.toString(16).padStart(40, '0')}@stroom.test>`,
  };
}
