import type { AlertStateStore } from './alert-state-store';
import type { EventLog } from './event-log';
import type { ResultStore } from './result-store';
import type { RollupStore } from './rollup-store';

/** Everything Lookout keeps: one DynamoDB table in AWS, the embedded store locally. */
export interface LookoutStore extends ResultStore, RollupStore, AlertStateStore, EventLog {}
