/** The labels of the embeddable form's fields, in the language the page is shown in. */
export interface SnippetLabels {
  email: string;
  firstName: string;
  lastName: string;
  mobile: string;
  message: string;
  submit: string;
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * An HTML form to paste into a web page: it posts to the form's public address. The person's
 * fields go by the names the service knows; any other field (here `message`) arrives as an answer.
 */
export function embedSnippet(submitUrl: string, labels: SnippetLabels): string {
  const field = (label: string, input: string) => `  <p><label>${escapeText(label)}<br>${input}</label></p>`;
  return [
    `<form action="${escapeAttribute(submitUrl)}" method="post">`,
    field(labels.email, '<input type="email" name="email" autocomplete="email" required>'),
    field(labels.firstName, '<input name="firstName" autocomplete="given-name">'),
    field(labels.lastName, '<input name="lastName" autocomplete="family-name">'),
    field(labels.mobile, '<input type="tel" name="mobile" autocomplete="tel">'),
    field(labels.message, '<textarea name="message" rows="4"></textarea>'),
    `  <p><button type="submit">${escapeText(labels.submit)}</button></p>`,
    '</form>',
  ].join('\n');
}
