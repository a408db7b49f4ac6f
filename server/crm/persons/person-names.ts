import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RecordNames } from '../../records/record-names.js';
import { Person } from './person.entity.js';
import { RECORD_ID } from '../../common/validation.js';

/** Tells other modules who a person id is: full name and e-mail address. */
@Injectable()
export class PersonNames implements OnModuleInit {
  constructor(private readonly names: RecordNames) {}

  onModuleInit(): void {
    this.names.register('person', async (em, id) => {
      const person = RECORD_ID.test(id) ? await em.findOne(Person, { id }) : null;
      return person ? { name: [person.firstName, person.lastName].filter(Boolean).join(' '), email: person.email ?? null } : undefined;
    });
  }
}
