import { Duration, RemovalPolicy, Stage } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ResolvedMonitor } from '../functions/core';
import type { HandlerEnvironment } from '../functions/core/contract/handler-environment';
import {
  bundleDefine,
  copyMonitorCommands,
  depsLockFilePath,
  type HandlerName,
  handlerBundlingSettings,
  handlerEntry,
  projectRoot,
  stageBundledMonitor,
} from './handler-bundling';
import { functionLogGroupName } from './physical-names';

/** Properties of a `LookoutFunction` that runs `Handler`. */
export interface LookoutFunctionProps<Handler extends HandlerName = HandlerName> {
  /** Which handler in functions/handlers it runs. */
  handler: Handler;
  /** The physical function name. */
  functionName: string;
  /** What the function is for, shown in the console. */
  description: string;
  /**
   * The resolved monitor the function runs, validated at synth: shipped in the bundle as `monitor.json` (a probe
   * function's holds only its region's checks). Its size does not matter: no command line carries it.
   */
  monitor: ResolvedMonitor;
  /**
   * The handler's environment: exactly the variables it reads (core/contract/handler-environment.ts).
   * NODE_OPTIONS is added, for Node.js itself.
   */
  environment: HandlerEnvironment<Handler>;
  /** The function's timeout. */
  timeout: Duration;
  /** Memory in MB (CPU scales with it). */
  memorySizeMb: number;
  /** How long its logs are kept. */
  logRetention: logs.RetentionDays;
  /**
   * Where asynchronous invocations (the scheduler's) go when they fail; they are not retried by Lambda, since
   * a late minute is worthless and the next one is already scheduled.
   * @default undefined (the function is only invoked synchronously, by an event source mapping)
   */
  asyncFailureQueue?: sqs.IQueue;
}

/**
 * A Lookout Lambda function: Node.js 24 on arm64, bundled by esbuild with the monitor beside the code as
 * `monitor.json` (staged in the cloud assembly, then copied in by an `afterBundling` command), its own role
 * (no managed policies: callers add exactly what it needs) and its own log group with a retention.
 */
export class LookoutFunction<Handler extends HandlerName = HandlerName> extends Construct {
  /** The function. */
  readonly function: nodejs.NodejsFunction;
  /** Its execution role. */
  readonly role: iam.Role;
  /** Its log group. */
  readonly logGroup: logs.LogGroup;
  /** Its timeout. */
  readonly timeout: Duration;

  constructor(scope: Construct, id: string, props: LookoutFunctionProps<Handler>) {
    super(scope, id);
    this.timeout = props.timeout;
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.functionName}`,
    });
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: functionLogGroupName(props.functionName),
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.logGroup.grantWrite(this.role);
    const settings = handlerBundlingSettings;
    const stage = Stage.of(this);
    if (stage === undefined) throw new Error(`${this.node.path} must be defined inside an App or a Stage`);
    const stagedMonitor = stageBundledMonitor(stage.assetOutdir, props.monitor);
    this.function = new nodejs.NodejsFunction(this, 'Function', {
      entry: handlerEntry(props.handler),
      handler: 'handler',
      functionName: props.functionName,
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySizeMb,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      projectRoot,
      depsLockFilePath,
      environment: { ...props.environment, NODE_OPTIONS: settings.nodeOptions },
      ...(props.asyncFailureQueue
        ? {
            retryAttempts: 0,
            maxEventAge: Duration.minutes(2),
            onFailure: new SqsDestination(props.asyncFailureQueue),
          }
        : {}),
      bundling: {
        target: settings.target,
        format: nodejs.OutputFormat.CJS,
        minify: settings.minify,
        sourceMap: settings.sourceMap,
        sourcesContent: settings.sourcesContent,
        mainFields: [...settings.mainFields],
        externalModules: [...settings.externalModules],
        define: { ...bundleDefine },
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir, outputDir) => copyMonitorCommands(stagedMonitor, inputDir, outputDir),
        },
      },
    });
  }
}
