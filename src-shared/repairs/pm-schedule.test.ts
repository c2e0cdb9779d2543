import { describe, expect, it } from 'vitest';
import { addMonths, estimateMeterDay, nextCalendarDue, nextMeterDue } from './pm-schedule';

describe('calendar schedules', () => {
  it('adds months keeping the day, or the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });

  it('starts on the start day and counts cycles from it', () => {
    expect(nextCalendarDue('2026-01-31', null, 'months', 1, '2026-01-01')).toBe('2026-01-31');
    expect(nextCalendarDue('2026-01-31', '2026-01-31', 'months', 1, '2026-02-01')).toBe('2026-02-28');
    expect(nextCalendarDue('2026-01-31', '2026-02-28', 'months', 1, '2026-03-01')).toBe('2026-03-31');
    expect(nextCalendarDue('2026-01-05', '2026-01-05', 'weeks', 2, '2026-01-06')).toBe('2026-01-19');
    expect(nextCalendarDue('2026-01-05', '2026-01-05', 'days', 10, '2026-01-06')).toBe('2026-01-15');
  });

  it('jumps over missed cycles to the latest one already due', () => {
    expect(nextCalendarDue('2026-01-01', null, 'weeks', 1, '2026-01-20')).toBe('2026-01-15');
    expect(nextCalendarDue('2026-01-01', '2026-01-01', 'weeks', 1, '2026-01-20')).toBe('2026-01-15');
    expect(nextCalendarDue('2026-01-01', '2026-01-15', 'weeks', 1, '2026-01-20')).toBe('2026-01-22');
  });
});

describe('meter schedules', () => {
  const H = 1000; // thousandths of an hour
  it('is due every interval from the start reading, without piling up', () => {
    expect(nextMeterDue(1000 * H, null, 500 * H, 1200 * H)).toBe(1500 * H);
    expect(nextMeterDue(1000 * H, null, 500 * H, 2100 * H)).toBe(2000 * H);
    expect(nextMeterDue(1000 * H, 1500 * H, 500 * H, 1600 * H)).toBe(2000 * H);
  });

  it('estimates the day from the recent run hours per day', () => {
    const readings = [
      { value: 1000 * H, day: '2026-01-01' },
      { value: 1100 * H, day: '2026-01-11' },
    ];
    expect(estimateMeterDay(1200 * H, readings, '2026-01-11')).toBe('2026-01-21');
    expect(estimateMeterDay(1050 * H, readings, '2026-01-12')).toBe('2026-01-11');
    expect(estimateMeterDay(1200 * H, readings.slice(0, 1), '2026-01-11')).toBeNull();
  });
});
