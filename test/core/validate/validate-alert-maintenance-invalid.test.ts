import { describeInvalidCases, describeValidCases, type InvalidCase } from '../../support/validation-cases';
import { changed, validMonitor } from '../monitor-fixture';

const oneOff = { start: '2026-12-01T02:00:00Z', end: '2026-12-01T04:00:00Z', reason: 'database upgrade' };
const weekly = { weekly: { days: ['sun'], at: '03:00', duration: '1h' } };

/** The valid fixture with one maintenance window. */
function withWindow(window: Record<string, unknown>): unknown {
  return changed({ maintenance: [window] });
}

const cases: InvalidCase[] = [
  // Certificate thresholds.
  {
    name: 'certificate warning days that are not whole',
    input: changed({ 'checks.0.alert.certificateWarningDays': 10.5 }),
    path: 'checks[0].alert.certificateWarningDays',
    checkId: 'api',
    reason: 'alert.certificateWarningDays 10.5 must be a whole number',
  },
  {
    name: 'negative certificate critical days',
    input: changed({ 'checks.0.alert.certificateCriticalDays': -1 }),
    path: 'checks[0].alert.certificateCriticalDays',
    checkId: 'api',
    reason: 'alert.certificateCriticalDays -1 must be 0 or more',
  },
  {
    name: 'certificate critical days given as text',
    input: changed({ 'checks.0.alert.certificateCriticalDays': '7' }),
    path: 'checks[0].alert.certificateCriticalDays',
    checkId: 'api',
    reason: 'alert.certificateCriticalDays must be a number, not "7"',
  },
  {
    name: 'misspelled certificate threshold',
    input: changed({ 'checks.0.alert.certificateWarnDays': 14 }),
    path: 'checks[0].alert.certificateWarnDays',
    checkId: 'api',
    reason: 'unknown key "certificateWarnDays" (did you mean "certificateWarningDays"?)',
  },
  {
    name: 'critical days equal to warning days',
    input: changed({
      'checks.0.alert.certificateWarningDays': 10,
      'checks.0.alert.certificateCriticalDays': 10,
    }),
    path: 'checks[0].alert.certificateCriticalDays',
    checkId: 'api',
    reason:
      'alert.certificateCriticalDays 10 must be less than alert.certificateWarningDays 10: the alert warns first',
  },
  {
    name: 'warning days below the default critical days',
    input: changed({ 'checks.0.alert.certificateWarningDays': 5 }),
    path: 'checks[0].alert.certificateWarningDays',
    checkId: 'api',
    reason: 'alert.certificateWarningDays 5 must be more than the default certificateCriticalDays 7',
  },
  {
    name: 'critical days above the warning days inherited from defaults',
    input: changed({
      'defaults.alert': { certificateWarningDays: 10 },
      'checks.0.alert.certificateCriticalDays': 14,
    }),
    path: 'checks[0].alert.certificateCriticalDays',
    checkId: 'api',
    reason: 'alert.certificateCriticalDays 14 must be less than defaults.alert.certificateWarningDays 10',
  },
  {
    name: 'defaults with warning days below the default critical days, reported once',
    input: changed({ 'defaults.alert': { certificateWarningDays: 3 } }),
    path: 'defaults.alert.certificateWarningDays',
    checkId: undefined,
    reason: 'defaults.alert.certificateWarningDays 3 must be more than the default certificateCriticalDays 7',
  },
  // Reminders.
  {
    name: 'reminders every minute',
    input: changed({ 'checks.0.alert.remindEvery': '1m' }),
    path: 'checks[0].alert.remindEvery',
    checkId: 'api',
    reason: 'alert.remindEvery 1m is shorter than the 5m minimum',
  },
  {
    name: 'default reminders every 30 seconds',
    input: changed({ 'defaults.alert': { remindEvery: '30s' } }),
    path: 'defaults.alert.remindEvery',
    checkId: undefined,
    reason: 'defaults.alert.remindEvery 30s is shorter than the 5m minimum',
  },
  {
    name: 'reminder interval that is not a duration',
    input: changed({ 'checks.1.alert': { remindEvery: 'hourly' } }),
    path: 'checks[1].alert.remindEvery',
    checkId: 'redis',
    reason: 'alert.remindEvery "hourly" is not a duration',
  },
  // Metrics options.
  {
    name: 'perRegion that is not a boolean',
    input: changed({ metrics: { perRegion: 'yes' } }),
    path: 'metrics.perRegion',
    checkId: undefined,
    reason: 'metrics.perRegion must be true or false, not "yes"',
  },
  ...(['phases', 'certificate', 'sloBudget'] as const).map((option) => ({
    name: `${option} that is not a boolean`,
    input: changed({ metrics: { [option]: 1 } }),
    path: `metrics.${option}`,
    checkId: undefined,
    reason: `metrics.${option} must be true or false, not the number 1`,
  })),
  {
    name: 'misspelled SLO budget option',
    input: changed({ metrics: { sloBudgets: true } }),
    path: 'metrics.sloBudgets',
    checkId: undefined,
    reason: 'unknown key "sloBudgets" (did you mean "sloBudget"?)',
  },
  {
    name: 'misspelled metrics option',
    input: changed({ metrics: { perRegon: false } }),
    path: 'metrics.perRegon',
    checkId: undefined,
    reason: 'unknown key "perRegon" (did you mean "perRegion"?)',
  },
  // Maintenance windows: their shape.
  {
    name: 'maintenance that is not a list',
    input: changed({ maintenance: oneOff }),
    path: 'maintenance',
    checkId: undefined,
    reason: 'maintenance must be a list',
  },
  {
    name: 'window with neither start and end nor weekly',
    input: withWindow({ reason: 'upgrade' }),
    path: 'maintenance[0]',
    checkId: undefined,
    reason: 'maintenance[0] gives neither start and end nor weekly',
  },
  {
    name: 'window with both start and end and weekly',
    input: withWindow({ ...oneOff, ...weekly }),
    path: 'maintenance[0]',
    checkId: undefined,
    reason: 'maintenance[0] gives both start/end and weekly',
  },
  {
    name: 'misspelled window key',
    input: withWindow({ ...weekly, reasn: 'upgrade' }),
    path: 'maintenance[0].reasn',
    checkId: undefined,
    reason: 'unknown key "reasn" (did you mean "reason"?)',
  },
  // One-off windows.
  {
    name: 'start without end',
    input: withWindow({ start: oneOff.start }),
    path: 'maintenance[0].end',
    checkId: undefined,
    reason: 'maintenance[0].end is required with start',
  },
  {
    name: 'end without start',
    input: withWindow({ end: oneOff.end }),
    path: 'maintenance[0].start',
    checkId: undefined,
    reason: 'maintenance[0].start is required with end',
  },
  {
    name: 'start without a time zone',
    input: withWindow({ ...oneOff, start: '2026-12-01T02:00:00' }),
    path: 'maintenance[0].start',
    checkId: undefined,
    reason: `maintenance[0].start "2026-12-01T02:00:00" has no time zone; add 'Z' for UTC`,
  },
  {
    name: 'start that is not a date',
    input: withWindow({ ...oneOff, start: 'next tuesday' }),
    path: 'maintenance[0].start',
    checkId: undefined,
    reason: 'maintenance[0].start "next tuesday" is not an ISO 8601 date and time',
  },
  {
    name: 'end on a day that does not exist',
    input: withWindow({ ...oneOff, start: '2026-02-28T02:00:00Z', end: '2026-02-30T02:00:00Z' }),
    path: 'maintenance[0].end',
    checkId: undefined,
    reason: 'maintenance[0].end "2026-02-30T02:00:00Z" is not a real date and time',
  },
  {
    name: 'end at hour 24',
    input: withWindow({ ...oneOff, end: '2026-12-01T24:00:00Z' }),
    path: 'maintenance[0].end',
    checkId: undefined,
    reason: 'is not a real date and time',
  },
  {
    name: 'end before start',
    input: withWindow({ ...oneOff, end: '2026-12-01T01:00:00Z' }),
    path: 'maintenance[0].end',
    checkId: undefined,
    reason: 'maintenance[0].end "2026-12-01T01:00:00Z" is not after start "2026-12-01T02:00:00Z"',
  },
  {
    name: 'end equal to start',
    input: withWindow({ ...oneOff, end: oneOff.start }),
    path: 'maintenance[0].end',
    checkId: undefined,
    reason: 'is not after start',
  },
  {
    name: 'end before start once its offset is applied',
    input: withWindow({ ...oneOff, end: '2026-12-01T03:00:00+02:00' }),
    path: 'maintenance[0].end',
    checkId: undefined,
    reason: 'is not after start',
  },
  {
    name: 'one-off window longer than 31 days',
    input: withWindow({ ...oneOff, start: '2026-12-01T00:00:00Z', end: '2027-01-15T00:00:00Z' }),
    path: 'maintenance[0].end',
    checkId: undefined,
    reason: 'is 45 days after start, longer than the 31d maximum for a one-off window',
  },
  // Weekly windows.
  {
    name: 'weekly window with no days',
    input: withWindow({ weekly: { ...weekly.weekly, days: [] } }),
    path: 'maintenance[0].weekly.days',
    checkId: undefined,
    reason: 'maintenance[0].weekly.days is empty',
  },
  {
    name: 'weekly window on a day that is not a weekday',
    input: withWindow({ weekly: { ...weekly.weekly, days: ['sta'] } }),
    path: 'maintenance[0].weekly.days[0]',
    checkId: undefined,
    reason: 'must be one of "mon", "tue", "wed", "thu", "fri", "sat", "sun", not "sta" (did you mean "sat"?)',
  },
  {
    name: 'weekly window listing a day twice',
    input: withWindow({ weekly: { ...weekly.weekly, days: ['sat', 'sun', 'sat'] } }),
    path: 'maintenance[0].weekly.days[2]',
    checkId: undefined,
    reason: 'maintenance[0].weekly.days[2] "sat" is listed twice (first at maintenance[0].weekly.days[0])',
  },
  {
    name: 'weekly window at 24:00',
    input: withWindow({ weekly: { ...weekly.weekly, at: '24:00' } }),
    path: 'maintenance[0].weekly.at',
    checkId: undefined,
    reason: `maintenance[0].weekly.at "24:00" is not a time of day; write 'HH:MM' from '00:00' to '23:59'`,
  },
  {
    name: 'weekly window at a time without a leading zero',
    input: withWindow({ weekly: { ...weekly.weekly, at: '3:00' } }),
    path: 'maintenance[0].weekly.at',
    checkId: undefined,
    reason: 'is not a time of day',
  },
  {
    name: 'weekly window lasting nothing',
    input: withWindow({ weekly: { ...weekly.weekly, duration: '0m' } }),
    path: 'maintenance[0].weekly.duration',
    checkId: undefined,
    reason: 'maintenance[0].weekly.duration 0m must be greater than zero',
  },
  {
    name: 'weekly window longer than a day',
    input: withWindow({ weekly: { ...weekly.weekly, duration: '25h' } }),
    path: 'maintenance[0].weekly.duration',
    checkId: undefined,
    reason: 'maintenance[0].weekly.duration 25h is longer than the 1d maximum',
  },
  {
    name: 'weekly window with a misspelled key and so no start time',
    input: withWindow({ weekly: { days: ['sun'], time: '03:00', duration: '1h' } }),
    path: 'maintenance[0].weekly.time',
    checkId: undefined,
    reason: 'unknown key "time"',
    count: 2,
  },
  // What a window silences and why.
  {
    name: 'window for a check that does not exist',
    input: withWindow({ ...weekly, checks: ['apl'] }),
    path: 'maintenance[0].checks[0]',
    checkId: undefined,
    reason: 'maintenance[0].checks[0] "apl" is not a check of this monitor (did you mean "api"?)',
  },
  {
    name: 'window for no checks at all',
    input: withWindow({ ...weekly, checks: [] }),
    path: 'maintenance[0].checks',
    checkId: undefined,
    reason: 'maintenance[0].checks is empty, so the window would silence nothing',
  },
  {
    name: 'window listing a check twice',
    input: withWindow({ ...weekly, checks: ['redis', 'redis'] }),
    path: 'maintenance[0].checks[1]',
    checkId: undefined,
    reason: 'is listed twice (first at maintenance[0].checks[0])',
  },
  {
    name: 'reason longer than 200 characters',
    input: withWindow({ ...weekly, reason: 'x'.repeat(201) }),
    path: 'maintenance[0].reason',
    checkId: undefined,
    reason: 'maintenance[0].reason is 201 characters long, more than the 200 allowed',
  },
  {
    name: 'blank reason',
    input: withWindow({ ...weekly, reason: '  ' }),
    path: 'maintenance[0].reason',
    checkId: undefined,
    reason: 'maintenance[0].reason is empty',
  },
  {
    name: 'a problem in the second window is reported at its index',
    input: changed({ maintenance: [oneOff, { weekly: { ...weekly.weekly, at: '7pm' } }] }),
    path: 'maintenance[1].weekly.at',
    checkId: undefined,
    reason: 'maintenance[1].weekly.at "7pm" is not a time of day',
  },
];

describeInvalidCases(
  'validateMonitor rejects invalid alert options, metrics options and maintenance windows',
  cases,
);

describeValidCases('declarations at the edges of the new rules are valid', [
  {
    name: 'every new option together',
    input: {
      ...validMonitor(),
      defaults: { alert: { certificateWarningDays: 30, certificateCriticalDays: 10, remindEvery: '4h' } },
      metrics: { perRegion: true, phases: true, certificate: false, sloBudget: true },
      maintenance: [
        { ...oneOff, checks: ['api', 'redis'] },
        { ...weekly, reason: 'backups' },
      ],
    },
  },
  {
    name: 'critical 0 and warning 1 days',
    input: changed({ 'checks.0.alert': { certificateWarningDays: 1, certificateCriticalDays: 0 } }),
  },
  {
    name: 'a check overriding both inherited thresholds',
    input: changed({
      'defaults.alert': { certificateWarningDays: 10, certificateCriticalDays: 5 },
      'checks.2.alert': { certificateWarningDays: 60, certificateCriticalDays: 30 },
    }),
  },
  { name: 'reminders every 5 minutes', input: changed({ 'checks.0.alert.remindEvery': '5m' }) },
  {
    name: 'a one-off window of exactly 31 days, with offsets',
    input: withWindow({ start: '2026-12-01T00:00:00+01:00', end: '2026-12-31T23:00:00.000Z' }),
  },
  {
    name: 'a one-off window of one minute',
    input: withWindow({ start: '2026-12-01T02:00Z', end: '2026-12-01T02:01Z' }),
  },
  {
    name: 'a weekly window at 00:00',
    input: withWindow({ weekly: { days: ['mon'], at: '00:00', duration: '1d' } }),
  },
  {
    name: 'a weekly window at 23:59 on every day',
    input: withWindow({
      weekly: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], at: '23:59', duration: '2h' },
    }),
  },
  { name: 'a reason of 200 characters', input: withWindow({ ...weekly, reason: 'x'.repeat(200) }) },
]);
