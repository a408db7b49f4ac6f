/** One injectable source of time for all code (SPEC §5); the manual clock arrives with the scheduler. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
