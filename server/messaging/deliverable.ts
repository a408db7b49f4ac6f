import type { Channel } from './message.entity.js';

/** What a transport needs of a message. */
export interface Deliverable {
  id: string;
  channel: Channel;
  to: string | null;
  from: string | null;
  replyTo: string | null;
  subject: string | null;
  body: string;
  headers: Record<string, string>;
  messageId: string;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}
