import { recordServiceToken } from '../../records/record-controller.js';
import { persons } from './persons.resource.js';

/** The injection token of the persons' RecordService, for modules that write persons in their own transactions. */
export const PERSON_RECORDS = recordServiceToken(persons);
