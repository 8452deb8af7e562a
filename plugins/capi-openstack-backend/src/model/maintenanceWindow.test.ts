/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import { nextWindowStart, openWindow, windowProblems } from './maintenanceWindow';

const WEEKEND_NIGHTS = { days: ['sat', 'sun'], start: '23:00', end: '03:00', timeZone: 'Europe/Zurich' };
const at = (iso: string) => new Date(iso);

describe('maintenance windows', () => {
  it('names the field of a bad window', () => {
    expect(windowProblems(WEEKEND_NIGHTS)).toEqual([]);
    expect(windowProblems({ ...WEEKEND_NIGHTS, days: ['sat', 'someday'] })).toEqual(['window.days: someday is not a day (mon … sun)']);
    expect(windowProblems({ ...WEEKEND_NIGHTS, start: '25:00' })).toEqual(['window.start "25:00" must be a time of day HH:MM']);
    expect(windowProblems({ ...WEEKEND_NIGHTS, timeZone: 'Nowhere' })).toEqual([
      'window.timeZone "Nowhere" is not an IANA time zone (e.g. Europe/Zurich)',
    ]);
    expect(windowProblems({ ...WEEKEND_NIGHTS, end: '23:00' })).toEqual(['window.end must differ from window.start']);
  });

  it('finds the next start in the time zone', () => {
    // Friday 4 December 2026, 12:00 UTC: next start Saturday 23:00 Zurich (22:00 UTC).
    expect(nextWindowStart(WEEKEND_NIGHTS, at('2026-12-04T12:00:00Z'))).toEqual(at('2026-12-05T22:00:00Z'));
  });

  it('is open from the start over midnight to the end, and closed otherwise', () => {
    expect(openWindow(WEEKEND_NIGHTS, at('2026-12-05T21:59:00Z'))).toBeUndefined();
    expect(openWindow(WEEKEND_NIGHTS, at('2026-12-05T22:00:00Z'))).toEqual({ start: at('2026-12-05T22:00:00Z'), end: at('2026-12-06T02:00:00Z') });
    // Sunday 02:30 Zurich, still Saturday's window.
    expect(openWindow(WEEKEND_NIGHTS, at('2026-12-06T01:30:00Z'))?.start).toEqual(at('2026-12-05T22:00:00Z'));
    expect(openWindow(WEEKEND_NIGHTS, at('2026-12-06T02:00:00Z'))).toBeUndefined();
    // Monday 01:00 Zurich: Sunday's window, which started 23:00 Sunday.
    expect(openWindow(WEEKEND_NIGHTS, at('2026-12-07T00:00:00Z'))?.start).toEqual(at('2026-12-06T22:00:00Z'));
    expect(openWindow(WEEKEND_NIGHTS, at('2026-12-07T12:00:00Z'))).toBeUndefined();
  });
});
