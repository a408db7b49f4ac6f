import { Entity } from '@mikro-orm/decorators/legacy';
import { PipelineRecord } from './pipeline-record.js';

/** A "kans". */
@Entity()
export class Opportunity extends PipelineRecord {}
