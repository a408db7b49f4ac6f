/** One injectable source of time for all code. */
export abstract class Clock {
  abstract now(): Date;
  /** True for the virtual clock of CLOCK=manual. */
  readonly manual: boolean = false;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * The virtual clock of CLOCK=manual: it only moves when told to. Its value is kept in the
 * database (ClockStore) so that a restart continues from it and instances share it.
 */
export class ManualClock extends Clock {
  override readonly manual = true;
  private current: Date;

  constructor(start: Date) {
    super();
    this.current = new Date(start.getTime());
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  /** Moves to `to`; never backwards (a later value from another instance wins). */
  set(to: Date): void {
    if (to.getTime() > this.current.getTime()) this.current = new Date(to.getTime());
  }
}
