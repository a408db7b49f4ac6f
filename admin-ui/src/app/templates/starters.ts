/** What a new template starts with, so a content editor edits rather than faces an empty page. */
export function starterEmail(format: 'mjml' | 'html', title: string): string {
  const heading = title.replace(/[<>&"]/g, '');
  if (format === 'html') return `<p>Beste {{ person.first_name }},</p>\n<p></p>\n<p>Met vriendelijke groet,<br>{{ our_contact.name }}</p>\n`;
  return `<mjml>
  <mj-body background-color="#f4f4f4">
    <mj-section background-color="#ffffff">
      <mj-column>
        <mj-text font-size="22px" font-weight="bold">${heading}</mj-text>
        <mj-text>Beste <span class="merge-variable">{{ person.first_name }}</span>,</mj-text>
      </mj-column>
    </mj-section>
    <mj-section>
      <mj-column>
        <mj-text font-size="12px" color="#666666" align="center"><a href="{{ unsubscribe_url }}">Afmelden</a></mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;
}

export function starterSms(): string {
  return 'Hallo {{ person.first_name }}, ';
}
