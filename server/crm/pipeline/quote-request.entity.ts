import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { PipelineRecord } from './pipeline-record.js';

/** A "kansactie": Offertezoek, Bezoek, Budgetaanvraag, … moving through the quote-request statuses. */
@Entity()
export class QuoteRequest extends PipelineRecord {
  @Property({ type: 'string' })
  kind!: string;
}
