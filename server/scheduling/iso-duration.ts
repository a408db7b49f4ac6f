import { Duration } from 'luxon';
import { BadInputError } from '../common/errors.js';

/** An ISO 8601 duration (`P3D`, `PT2H30M`, `P1W`) as milliseconds of elapsed time; a 400 when malformed or negative. */
export function parseIsoDuration(text: string): number {
  const duration = Duration.fromISO(text);
  if (!duration.isValid) throw new BadInputError(`by: "${text}" is not an ISO 8601 duration such as P3D or PT2H`, { field: 'by' }, { code: 'clock.bad_duration', params: { text } });
  if (duration.years || duration.months) throw new BadInputError('by: use days, hours or minutes rather than months or years', { field: 'by' }, { code: 'clock.months_or_years' });
  const ms = duration.as('milliseconds');
  if (ms < 0) throw new BadInputError('by: the clock cannot go back', { field: 'by' }, { code: 'clock.backwards' });
  return ms;
}
