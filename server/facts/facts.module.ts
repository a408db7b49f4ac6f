import { Module } from '@nestjs/common';
import { RecordFacts } from './record-facts.js';

/**
 * The shared kernel of the two rule engines (workflows and flows): the facts a rule is evaluated
 * on, and the versions of each rule set that tell every instance when to rebuild its index.
 */
@Module({
  providers: [RecordFacts],
  exports: [RecordFacts],
})
export class FactsModule {}
