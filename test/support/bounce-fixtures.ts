import { readFileSync } from 'node:fs';

/** A report in test/fixtures/bounces (modelled on a real one), with the address, the original Message-ID and the return path filled in. */
export function bounceFixture(name: string, values: { address: string; messageId: string; returnPath: string }): string {
  return readFileSync(new URL(`../fixtures/bounces/${name}.eml`, import.meta.url), 'utf8')
    .replaceAll('{{ADDRESS}}', values.address).replaceAll('{{MESSAGE_ID}}', values.messageId).replaceAll('{{RETURN_PATH}}', values.returnPath);
}
