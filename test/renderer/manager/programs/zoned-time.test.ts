/** Store-local wall-clock times and back, across a clock change, and refusing non-times. */
import { describe, expect, it } from 'vitest';
import {
  instantOfLocal,
  isoWithOffset,
  localOfInstant,
} from '../../../../renderer/manager/programs/zoned-time';

describe('store-local times', () => {
  it('reads a Berlin wall-clock time in winter and in summer', () => {
    expect(instantOfLocal('2026-01-05T15:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 0, 5, 14));
    expect(instantOfLocal('2026-07-06T15:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 6, 6, 13));
    expect(localOfInstant(Date.UTC(2026, 6, 6, 13), 'Europe/Berlin')).toBe('2026-07-06T15:00');
  });

  it('writes a campaign time with the zone’s offset, which reads back as the same instant', () => {
    const ms = Date.UTC(2026, 2, 30, 12, 30);
    expect(isoWithOffset(ms, 'Europe/Berlin')).toBe('2026-03-30T14:30:00+02:00');
    expect(isoWithOffset(ms, 'America/New_York')).toBe('2026-03-30T08:30:00-04:00');
    expect(Date.parse(isoWithOffset(ms, 'Asia/Kolkata'))).toBe(ms);
  });

  it('refuses what is no time', () => {
    expect(instantOfLocal('2026-02-30T10:00', 'Europe/Berlin')).toBeUndefined();
    expect(instantOfLocal('2026-13-01T10:00', 'Europe/Berlin')).toBeUndefined();
    expect(instantOfLocal('tomorrow', 'Europe/Berlin')).toBeUndefined();
  });
});
