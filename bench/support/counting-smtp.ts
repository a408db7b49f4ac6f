import { SMTPServer } from 'smtp-server';

/**
 * An SMTP server that only counts: per recipient `<prefix><n>@bench.test` how many messages
 * arrived (a byte each), so a million recipients fit in a megabyte and duplicates are seen; and
 * the bytes of the messages, with the first one kept as a sample, so two senders can be shown to
 * send e-mails of the same size and shape.
 */
export class CountingSmtp {
  private counts = new Uint8Array(0);
  private prefix = '';
  received = 0;
  other = 0;
  /** The bytes of every message's data since `expect`, and the first message itself. */
  bytes = 0;
  sample: string | undefined;
  private server!: SMTPServer;
  port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Starts counting recipients `<prefix>0 … <prefix>(size-1)` afresh. */
  expect(prefix: string, size: number): void {
    this.prefix = prefix;
    this.counts = new Uint8Array(size);
    this.received = 0;
    this.other = 0;
    this.bytes = 0;
    this.sample = undefined;
  }

  /** Recipients that got no message, and those that got more than one. */
  report(): { missing: number; duplicates: number } {
    let missing = 0;
    let duplicates = 0;
    for (const n of this.counts) {
      if (n === 0) missing++;
      else if (n > 1) duplicates++;
    }
    return { missing, duplicates };
  }

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      closeTimeout: 200,
      onData: (stream, session, callback) => {
        const keep = this.sample === undefined;
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => {
          this.bytes += chunk.length;
          if (keep) chunks.push(chunk);
        });
        stream.on('end', () => {
          if (keep && this.sample === undefined) this.sample = Buffer.concat(chunks).toString('utf8');
          for (const rcpt of session.envelope.rcptTo) this.count(rcpt.address);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as { port: number }).port;
    return this;
  }

  private count(address: string): void {
    this.received++;
    const local = address.slice(0, address.indexOf('@'));
    const n = local.startsWith(this.prefix) ? Number(local.slice(this.prefix.length)) : NaN;
    if (Number.isInteger(n) && n >= 0 && n < this.counts.length) this.counts[n] = Math.min(255, this.counts[n]! + 1);
    else this.other++;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
