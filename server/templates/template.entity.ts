import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { BaseRecord } from '../records/base-record.js';

/** How a template's body is written: HTML with Liquid, or MJML with Liquid compiled to HTML at save. */
export type TemplateFormat = 'html' | 'mjml';

/** A line-numbered remark on a template's MJML (an unknown attribute, an image without alt text, …). */
export interface TemplateDiagnostic {
  line: number | null;
  message: string;
  tagName?: string;
}

/** An e-mail (subject + HTML body) or SMS text with Liquid merge variables; rules name it by key. */
@Entity()
export class Template extends BaseRecord {
  @Property({ type: 'string', unique: true })
  key!: string;

  @Property({ type: 'string' })
  name!: string;

  @Property({ type: 'string' })
  channel!: 'email' | 'sms';

  @Property({ type: 'text', nullable: true })
  subject?: string | null;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'string', default: 'html' })
  format: TemplateFormat = 'html';

  /** The HTML an MJML body compiles to (Liquid still in it), rendered at send time; null for HTML bodies. */
  @Property({ type: 'text', nullable: true })
  html?: string | null;

  /** What the MJML compiler warned about at the last save, with the line. */
  @Property({ type: 'json', nullable: true })
  warnings?: TemplateDiagnostic[] | null;
}
