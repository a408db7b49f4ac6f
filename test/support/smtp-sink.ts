import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  messageId: string | undefined;
  subject: string | undefined;
}

/** A real SMTP server in the test process that keeps what it receives, and can refuse on demand. */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** Refuse this many next messages with a temporary error (451). */
  failNext = 0;
  /** Recipients refused at RCPT TO with this reply code (550: permanent, 451: temporary). */
  readonly refuse = new Map<string, number>();
  /** Called with each accepted message before the server answers 250. */
  onAccept?: (mail: ReceivedMail) => Promise<void> | void;
  private server!: SMTPServer;
  port = 0;

  /** Listens on `port` (a free one by default; the same one again to come back after `stop`). */
  async start(port = 0): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      closeTimeout: 200,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const code = this.refuse.get(address.address.toLowerCase());
        if (!code) return callback();
        const error = new Error(code >= 500 ? 'No such user here' : 'Mailbox busy, try again later') as Error & { responseCode: number };
        error.responseCode = code;
        callback(error);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', async () => {
          if (this.failNext > 0) {
            this.failNext--;
            const error = new Error('Mailbox temporarily unavailable') as Error & { responseCode: number };
            error.responseCode = 451;
            return callback(error);
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          const mail: ReceivedMail = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            messageId: raw.match(/^Message-ID:\s*(<[^>]+>)/im)?.[1],
            subject: raw.match(/^Subject:\s*(.*)$/im)?.[1]?.trim(),
          };
          this.received.push(mail);
          await this.onAccept?.(mail);
          callback();
        });
      },
    });
    // A client that dies mid-session (a killed service) resets its connection: not a sink failure.
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as { port: number }).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
