import type { BaseRecord } from '../../records/base-record.js';
import { recordServiceToken } from '../../records/record-controller.js';
import type { Resource } from '../../records/resource.js';
import { persons } from './persons.resource.js';

/** The injection token of the persons' RecordService, for modules that write persons in their own transactions. */
export const PERSON_RECORDS = recordServiceToken(persons as unknown as Resource<BaseRecord>);
