import { Validations } from 'aws-cdk-lib';
import type { LookoutFunction } from './lookout-function';

/** How a function is invoked, which decides what a dead-letter setting means for it. */
export interface FunctionInvocation {
  /** Whether the scheduler invokes it asynchronously (else only an event source mapping, synchronously). */
  asyncInvoked: boolean;
}

/** The findings every Lookout function has for the same reasons, acknowledged with those reasons. */
export function acknowledgeFunctionFindings(fn: LookoutFunction, invocation: FunctionInvocation): void {
  const target = Validations.of(fn.function);
  target.acknowledge({
    id: 'Serverless-LambdaTracing',
    reason:
      'Lookout measures its own runs (results, metrics, logs); X-Ray would add a cost per invocation and a policy on Resource "*".',
  });
  if (invocation.asyncInvoked) {
    target.acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        'Failed asynchronous invocations go to the stack dead-letter queue through an on-failure destination, which records more than a DLQ does.',
    });
  } else {
    target.acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        'Only a stream event source mapping invokes it (synchronously); the mapping has an on-failure destination.',
    });
  }
}
