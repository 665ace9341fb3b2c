import { RemovalPolicy, Stage } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { MonitorDeclaration } from '../functions/core';
import { type DeployableMonitor, deployableMonitor, InvalidMonitorError } from './deployable-monitor';
import { LookoutHomeStack } from './home-stack';
import {
  defaultResourcePrefix,
  type LookoutNames,
  lookoutNames,
  resourcePrefixProblem,
} from './physical-names';
import { LookoutProbeStack } from './probe-stack';

/** Properties of `Lookout` (and of `LookoutStage`). */
export interface LookoutProps {
  /** The monitor to deploy, as `checks/index.ts` exports it; validated here (every problem is reported). */
  monitor: MonitorDeclaration;
  /**
   * What the physical names start with: table `<prefix>-results`, topic `<prefix>-alerts`, functions
   * `<prefix>-probe|evaluate|sweep` (log groups `/aws/lambda/<function>`), dead-letter queues
   * `<prefix>-home|probe-dead-letters`, alarms `<prefix>.…`, dashboards `<prefix>` and `<prefix>_checks`
   * (infra/physical-names.ts). Two Lookouts in one account need two prefixes.
   * @default 'lookout' for the app's `Lookout` (or a stage named `Lookout`), else `lookout-<stage name in lowercase>`
   */
  resourcePrefix?: string;
  /**
   * Whether the results table refuses to be deleted (turn it off before removing Lookout for good).
   * @default true
   */
  tableDeletionProtection?: boolean;
  /**
   * What happens to the results table when it leaves the stack.
   * @default RemovalPolicy.RETAIN
   */
  tableRemovalPolicy?: RemovalPolicy;
  /**
   * How long the functions' logs are kept.
   * @default logs.RetentionDays.ONE_MONTH
   */
  logRetention?: logs.RetentionDays;
  /**
   * The reserved concurrency of the heartbeat ping function (monitors with heartbeat checks), its hard cap on
   * concurrent pings whatever a flood sends; `false` reserves none, for accounts whose Lambda concurrency quota
   * is under 105 (Lambda keeps 100 unreserved; new accounts may start at 10), where a reservation fails the deploy
   * with "decreases account's UnreservedConcurrentExecution below its minimum value". Each container still admits
   * at most `maximumPingsPerMinute` (30) pings a minute per check.
   * @default 5
   */
  pingReservedConcurrency?: number | false;
  /**
   * The account of every stack.
   * @default the enclosing stage's account, else the account of the deploying credentials
   */
  account?: string;
}

/**
 * Lookout's stacks: a home stack in the monitor's `homeRegion` and a probe stack in each of its regions, named
 * `<stage->Lookout-Home` and `<stage->Lookout-Probe-<region>`. Put it straight in an app (as infra/app.ts does,
 * so that `cdk deploy --all` finds the stacks) or use `LookoutStage` in a pipeline.
 */
export class Lookout extends Construct {
  /** The validated monitor. */
  readonly deployable: DeployableMonitor;
  /** The account of its stacks, when known at synth (else the deploying credentials' account). */
  readonly account: string | undefined;
  /** The physical names. */
  readonly names: LookoutNames;
  /** The home stack. */
  readonly home: LookoutHomeStack;
  /** The probe stacks, by region. */
  readonly probes: ReadonlyMap<string, LookoutProbeStack>;

  constructor(scope: Construct, id: string, props: LookoutProps) {
    super(scope, id);
    const stageName = Stage.of(this)?.stageName ?? '';
    const prefix = props.resourcePrefix ?? defaultResourcePrefix(stageName || id);
    this.account = props.account ?? Stage.of(this)?.account;
    const prefixProblem = resourcePrefixProblem(prefix) ?? this.prefixTakenProblem(prefix);
    try {
      this.deployable = deployableMonitor(props.monitor);
    } catch (error) {
      if (error instanceof InvalidMonitorError && prefixProblem !== undefined) {
        throw new InvalidMonitorError([
          ...error.problems,
          { path: 'resourcePrefix', message: prefixProblem },
        ]);
      }
      throw error;
    }
    if (prefixProblem !== undefined) {
      throw new InvalidMonitorError([{ path: 'resourcePrefix', message: prefixProblem }]);
    }
    this.names = lookoutNames(prefix);
    const { monitor } = this.deployable;
    const logRetention = props.logRetention ?? logs.RetentionDays.ONE_MONTH;
    const stackName = (suffix: string) => [stageName, id, suffix].filter((part) => part !== '').join('-');
    const env = (region: string) =>
      props.account === undefined ? { region } : { account: props.account, region };
    this.home = new LookoutHomeStack(this, 'Home', {
      stackName: stackName('Home'),
      env: env(monitor.homeRegion),
      description: `Lookout (${prefix}): results, evaluation, alerts and dashboard`,
      deployable: this.deployable,
      names: this.names,
      logRetention,
      tableDeletionProtection: props.tableDeletionProtection ?? true,
      tableRemovalPolicy: props.tableRemovalPolicy ?? RemovalPolicy.RETAIN,
      ...(props.pingReservedConcurrency === undefined
        ? {}
        : { pingReservedConcurrency: props.pingReservedConcurrency }),
    });
    const probes = new Map<string, LookoutProbeStack>();
    for (const region of monitor.regions) {
      const probe = new LookoutProbeStack(this, `Probe-${region}`, {
        stackName: stackName(`Probe-${region}`),
        env: env(region),
        description: `Lookout (${prefix}): probes from ${region}`,
        deployable: this.deployable,
        probeRegion: region,
        names: this.names,
        logRetention,
      });
      // Deploy the table before the probes that write to it.
      probe.addStackDependency(this.home, 'the probes write to the results table');
      probes.set(region, probe);
    }
    this.probes = probes;
  }

  /**
   * Why another Lookout of this app already has the prefix in the same account (or in an account not known at
   * synth, which may be the same), or `undefined`: their physical names would collide.
   */
  private prefixTakenProblem(prefix: string): string | undefined {
    const other = this.node.root.node
      .findAll()
      .find(
        (construct): construct is Lookout =>
          construct instanceof Lookout &&
          construct !== this &&
          construct.names?.prefix === prefix &&
          (construct.account === undefined ||
            this.account === undefined ||
            construct.account === this.account),
      );
    return other === undefined
      ? undefined
      : `resourcePrefix ${JSON.stringify(prefix)} is already used by ${other.node.path} in the same account: two Lookouts in one account need two prefixes`;
  }
}
