import type { AlertStateStore } from './alert-state-store';
import type { CounterStore } from './counter-store';
import type { DaySummaryStore } from './day-summary-store';
import type { EventLog } from './event-log';
import type { ResultStore } from './result-store';

/** Everything Lookout keeps: one DynamoDB table in AWS, the embedded store locally. */
export interface LookoutStore extends ResultStore, CounterStore, DaySummaryStore, AlertStateStore, EventLog {}
