import { Entity } from '@mikro-orm/decorators/legacy';
import { PipelineRecord } from './pipeline-record.js';

@Entity()
export class IntakeMeasure extends PipelineRecord {}
