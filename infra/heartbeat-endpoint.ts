import { Duration, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type HandlerEnvironment, handlerVariables } from '../functions/core/contract/handler-environment';
import { tableActions } from '../functions/core/contract/table-actions';
import type { ResolvedHeartbeatCheck, ResolvedMonitor } from '../functions/core/resolve/resolved-monitor';
import { addFunctionAlarms } from './lookout-alarms';
import { LookoutFunction } from './lookout-function';
import type { LookoutNames } from './physical-names';
import { grantReadSecrets } from './secret-access';

/** The ping function's timeout: a ping is one token read (cached) and two small table calls. */
export const pingTimeout = Duration.seconds(10);

/**
 * The ping function's memory: 256 MB rather than 128, because CPU scales with it and the first ping of a container
 * loads three SDK packages; a warm ping takes ~50 ms either way (0.0125 GB-s, $0.0000002).
 */
export const pingMemoryMb = 256;

/**
 * The ping function's reserved concurrency by default, the endpoint's hard rate cap across containers (each
 * container also admits at most `maximumPingsPerMinute` per check): a flood of requests, valid or not, runs at most
 * this many invocations at once, so it can neither run up the Lambda and DynamoDB bill beyond ~5 × 20 pings a
 * second nor take the account's concurrency from other functions; the excess gets 429 from Lambda (and the
 * `ping.throttles` alarm fires). Jobs ping a few times a day: five is far above their need. Lambda keeps 100 of an
 * account's concurrency unreserved, so an account whose quota is under 105 (new accounts may start at 10) cannot
 * reserve it: `LookoutProps.pingReservedConcurrency` turns it off there.
 */
export const defaultPingReservedConcurrency = 5;

/** The heartbeat checks of a monitor. */
export function heartbeatChecksOf(monitor: Pick<ResolvedMonitor, 'checks'>): ResolvedHeartbeatCheck[] {
  return monitor.checks.filter((check): check is ResolvedHeartbeatCheck => check.kind === 'heartbeat');
}

/** Properties of a `HeartbeatEndpoint`. */
export interface HeartbeatEndpointProps {
  /** The monitor; it must have heartbeat checks. */
  monitor: ResolvedMonitor;
  names: LookoutNames;
  /** The results table (same stack). */
  table: dynamodb.ITable;
  logRetention: logs.RetentionDays;
  /** The alarm name prefix, for the function's alarms. */
  alarmNamePrefix: string;
  /**
   * The ping function's reserved concurrency, or `false` for none.
   * @default defaultPingReservedConcurrency (5)
   */
  reservedConcurrency?: number | false;
}

/**
 * The heartbeat ping endpoint, in the home region: the ping function (its bundle holds only the heartbeat checks)
 * behind a Lambda Function URL, `GET|POST <url>ping/<check-id>/<token>[/start|/fail]`. Its role may only write and
 * query the results table and read the heartbeat tokens' secrets. Pings reach the evaluator through the table's
 * stream, as probe results do.
 *
 * Why a Function URL with auth type NONE: the token in the path authenticates (compared in constant time; a wrong
 * one is a 404 and records nothing). IAM auth would need every cron job to sign its requests with SigV4, which
 * `curl` in a crontab cannot; API Gateway costs $1 per million requests and adds nothing the token and the
 * reserved concurrency do not. A Function URL is free: a ping costs only its invocation. CORS is off (no browser
 * calls it).
 *
 * Cost per heartbeat with P pings a month, for this endpoint: P Lambda requests ($0.20/M) + P × 0.0125 GB-s,
 * P WRU, 0.5 P RRU; fixed: three alarms ($0.30 a month). Each ping also runs the evaluate function once
 * (core/cost/estimate-cost.ts prices it all).
 */
export class HeartbeatEndpoint extends Construct {
  readonly function: LookoutFunction<'ping'>;
  readonly url: lambda.FunctionUrl;

  constructor(scope: Construct, id: string, props: HeartbeatEndpointProps) {
    super(scope, id);
    const checks = heartbeatChecksOf(props.monitor);
    if (checks.length === 0) throw new Error('a heartbeat endpoint needs heartbeat checks');
    const environment: HandlerEnvironment<'ping'> = { [handlerVariables.tableName]: props.names.tableName };
    this.function = new LookoutFunction(this, 'Ping', {
      handler: 'ping',
      functionName: props.names.pingFunctionName,
      description: 'Lookout: records heartbeat pings from jobs (Function URL)',
      monitor: { ...props.monitor, checks },
      environment,
      timeout: pingTimeout,
      memorySizeMb: pingMemoryMb,
      logRetention: props.logRetention,
    });
    const reservedConcurrency = props.reservedConcurrency ?? defaultPingReservedConcurrency;
    if (reservedConcurrency !== false) {
      const cfnFunction = this.function.function.node.defaultChild as lambda.CfnFunction;
      cfnFunction.reservedConcurrentExecutions = reservedConcurrency;
    }
    const role = this.function.role;
    role.addToPolicy(
      new iam.PolicyStatement({ actions: [...tableActions.ping], resources: [props.table.tableArn] }),
    );
    grantReadSecrets(
      role,
      props.monitor.homeRegion,
      [...new Set(checks.map((check) => check.token.ref))].sort(),
    );

    this.url = this.function.function.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });

    const findings = Validations.of(this.function.function);
    findings.acknowledge({
      id: 'Serverless-LambdaTracing',
      reason:
        'Lookout measures its own runs (results, metrics, logs); X-Ray would add a cost per invocation and a policy on Resource "*".',
    });
    findings.acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        'Only its Function URL invokes it, synchronously: a failed ping is answered with an error, and the job (curl --retry) sends it again.',
    });
    addFunctionAlarms(this, this.function, props.alarmNamePrefix, 'ping');
  }
}
