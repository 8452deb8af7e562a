/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import { dueScheduledChange, nextScheduledChange, scheduleProblems } from './hibernationSchedule';

const OFFICE = { hibernate: '0 20 * * 1-5', wake: '0 7 * * 1-5', timeZone: 'Europe/Zurich' };
const at = (iso: string) => new Date(iso);

describe('hibernation schedules', () => {
  it('names the field of a bad expression or time zone', () => {
    expect(scheduleProblems(OFFICE)).toEqual([]);
    expect(scheduleProblems({ ...OFFICE, timeZone: 'Mars/Olympus' })).toEqual([
      'schedule.timeZone "Mars/Olympus" is not an IANA time zone (e.g. Europe/Zurich)',
    ]);
    expect(scheduleProblems({ ...OFFICE, hibernate: '0 25 * * *' })).toEqual([
      'schedule.hibernate "0 25 * * *" is not a valid cron expression: Field value (25) is out of range',
    ]);
    expect(scheduleProblems({ ...OFFICE, wake: '0 7 * *' })[0]).toMatch(/^schedule.wake "0 7 \* \*" must be a cron expression of 5 fields/);
    expect(scheduleProblems({ ...OFFICE, wake: OFFICE.hibernate })).toEqual(['schedule.wake must differ from schedule.hibernate']);
  });

  it('reads the times in the time zone, across the change to summer time', () => {
    // Friday 4 December 2026, 18:00 UTC = 19:00 in Zurich (UTC+1): hibernate at 20:00 local.
    expect(nextScheduledChange(OFFICE, at('2026-12-04T18:00:00Z'))).toEqual({ action: 'hibernate', at: at('2026-12-04T19:00:00Z') });
    // After Friday's hibernation, the next change is Monday's wake.
    expect(nextScheduledChange(OFFICE, at('2026-12-04T19:00:00Z'))).toEqual({ action: 'wake', at: at('2026-12-07T06:00:00Z') });
    // Summer time (UTC+2) from Sunday 29 March 2026: Monday's wake is at 05:00 UTC.
    expect(nextScheduledChange(OFFICE, at('2026-03-28T12:00:00Z'))).toEqual({ action: 'wake', at: at('2026-03-30T05:00:00Z') });
  });

  it('is due with the latest event since the last change, and not before it', () => {
    const since = at('2026-12-04T12:00:00Z');
    expect(dueScheduledChange(OFFICE, since, at('2026-12-04T18:59:59Z'))).toBeUndefined();
    expect(dueScheduledChange(OFFICE, since, at('2026-12-04T19:00:30Z'))).toEqual({ action: 'hibernate', at: at('2026-12-04T19:00:00Z') });
    // A backend that was down over the weekend acts on the latest event only.
    expect(dueScheduledChange(OFFICE, since, at('2026-12-07T09:00:00Z'))).toEqual({ action: 'wake', at: at('2026-12-07T06:00:00Z') });
    // A manual wake at 21:00 Friday is not undone by the 20:00 event before it.
    expect(dueScheduledChange(OFFICE, at('2026-12-04T20:00:00Z'), at('2026-12-04T21:30:00Z'))).toBeUndefined();
  });
});
