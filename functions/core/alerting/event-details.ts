import type { LookoutEvent } from './lookout-event';

/** What a kind of alert says about itself; the transition adds the rest (id, type, severity, times). */
export type EventDetails = Pick<LookoutEvent, 'checkName' | 'target' | 'regions' | 'summary'> &
  Partial<Pick<LookoutEvent, 'lastFailure' | 'slo' | 'certificate' | 'dashboardUrl'>>;

/** The details of an earlier event, to repeat them in a reminder or a catch-up. */
export function detailsOf(event: LookoutEvent): EventDetails {
  return {
    checkName: event.checkName,
    target: event.target,
    regions: event.regions,
    summary: event.summary,
    ...(event.lastFailure === undefined ? {} : { lastFailure: event.lastFailure }),
    ...(event.slo === undefined ? {} : { slo: event.slo }),
    ...(event.certificate === undefined ? {} : { certificate: event.certificate }),
  };
}
