/**
 * The campaign benchmark's baseline, in a process of its own as the service is: a raw nodemailer
 * pool (the service's pool settings) sending `count` rendered e-mails to `<prefix><n>@bench.test`,
 * each as the service sends it (`campaignMail`; `base`: the service's address, for the tracked links).
 * Prints the seconds it took as its only output.
 *   node raw-sender.js <smtpUrl> <prefix> <count> <base>
 */
import nodemailer from 'nodemailer';
import { campaignMail } from './campaign-mail.js';

const [url, prefix, countText, base] = process.argv.slice(2);
const count = Number(countText);
const transport = nodemailer.createTransport({ url, pool: true, maxConnections: 5 } as never);
const started = performance.now();
let next = 0;
await Promise.all(Array.from({ length: 20 }, async () => {
  while (next < count) {
    const i = next++;
    const to = `${prefix}${i}@bench.test`;
    await transport.sendMail({ ...campaignMail(i, base!), to, envelope: { from: 'bench@stroom.test', to: [to] } });
  }
}));
transport.close();
process.stdout.write(String((performance.now() - started) / 1000));
