/**
 * The physical names of Lookout's resources. They are fixed at synth time so that a probe stack in one region
 * can name the table, the event bus and the functions of another region without a cross-region reference.
 *
 * Every name is unique per account and region across all of Lookout's stacks, for any set of regions (a test
 * synthesizes many monitors and checks every named resource, test/infra/physical-names.test.ts):
 * - a resource that both the home stack and a probe stack have (the dead-letter queue, its alarm) carries its
 *   stack's role (`home` / `probe`), since the home region may also be a probe region;
 * - every name starts with the prefix, and two Lookouts in one account have two prefixes. One prefix may extend
 *   another (`lookout` and `lookout-probe`), so no name's tail after the prefix is the tail of another name of
 *   the same kind (`-probe-dead-letters` and `-home-dead-letters`, never `-dead-letters`);
 * - names unique per account rather than per region (dashboards) put a character after the prefix that a prefix
 *   cannot hold (`_`), and alarm names a dot, which the alarm routing's prefix match relies on too.
 */

/** Which of Lookout's stacks a resource is in: the home stack, or the probe stack of a region. */
export type StackRole = 'home' | 'probe';

/** The names one Lookout instance gives its resources, all derived from its resource prefix. */
export interface LookoutNames {
  /** Such as `lookout`: lowercase letters, digits and dashes. */
  prefix: string;
  /** The results table, in the home region: `<prefix>-results`. */
  tableName: string;
  /** The SNS topic, in the home region: `<prefix>-alerts`. */
  topicName: string;
  /**
   * The chat topic (`alerts.chat`), in the home region: `<prefix>-alerts-chat` (it ends unlike `-alerts`, so it
   * is never another prefix's alert topic).
   */
  chatTopicName: string;
  /** The overview dashboard (console link of every event), in the home region: `<prefix>`. */
  dashboardName: string;
  /** The per-check dashboard, in the home region: `<prefix>_checks` (dashboard names are unique per account). */
  checkDashboardName: string;
  /** The probe function in each probe region: `<prefix>-probe`. */
  probeFunctionName: string;
  /** The evaluate function, in the home region: `<prefix>-evaluate`. */
  evaluateFunctionName: string;
  /** The sweep function, in the home region: `<prefix>-sweep`. */
  sweepFunctionName: string;
  /** The heartbeat ping function (only with heartbeat checks), in the home region: `<prefix>-ping`. */
  pingFunctionName: string;
  /** The dead-letter queue of each stack: `<prefix>-home-dead-letters`, `<prefix>-probe-dead-letters`. */
  deadLetterQueueNames: Readonly<Record<StackRole, string>>;
  /**
   * The status page's CloudFront origin access control: `<prefix>-status-page` (CloudFront's names are unique per
   * account, and so is the prefix).
   */
  statusPageAccessControlName: string;
  /**
   * What every Lookout alarm name starts with: `<prefix>.`. A dot cannot occur in a prefix, so the alarms of
   * `lookout` and `lookout-staging` never match each other's pattern.
   */
  alarmNamePrefix: string;
}

const prefixPattern = /^[a-z][a-z0-9-]{0,29}$/;

/**
 * The resource prefix of a stage: `lookout` for a stage named `Lookout`, else `lookout-<stage name>` in
 * lowercase with anything other than letters and digits turned into dashes.
 */
export function defaultResourcePrefix(stageName: string): string {
  const slug = stageName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === 'lookout' || slug === '' ? 'lookout' : `lookout-${slug}`.slice(0, 30).replace(/-+$/, '');
}

/** Why a resource prefix cannot be used, or `undefined` when it can. */
export function resourcePrefixProblem(prefix: string): string | undefined {
  return prefixPattern.test(prefix)
    ? undefined
    : `resourcePrefix ${JSON.stringify(prefix)} must start with a lowercase letter and use only lowercase letters, digits and dashes, at most 30 characters`;
}

/** Every physical name of the instance with this prefix. */
export function lookoutNames(prefix: string): LookoutNames {
  return {
    prefix,
    tableName: `${prefix}-results`,
    topicName: `${prefix}-alerts`,
    chatTopicName: `${prefix}-alerts-chat`,
    dashboardName: prefix,
    checkDashboardName: `${prefix}_checks`,
    probeFunctionName: `${prefix}-probe`,
    evaluateFunctionName: `${prefix}-evaluate`,
    sweepFunctionName: `${prefix}-sweep`,
    pingFunctionName: `${prefix}-ping`,
    deadLetterQueueNames: { home: `${prefix}-home-dead-letters`, probe: `${prefix}-probe-dead-letters` },
    statusPageAccessControlName: `${prefix}-status-page`,
    alarmNamePrefix: `${prefix}.`,
  };
}

/**
 * The log group of a Lookout function, `/aws/lambda/<function name>` (Lambda's own convention), so that a
 * dashboard in the home region can query the probe function's logs in every probe region by name.
 */
export function functionLogGroupName(functionName: string): string {
  return `/aws/lambda/${functionName}`;
}

/** The console address of the dashboard (the standard `aws` partition). */
export function dashboardUrl(homeRegion: string, dashboardName: string): string {
  return `https://${homeRegion}.console.aws.amazon.com/cloudwatch/home?region=${homeRegion}#dashboards/dashboard/${encodeURIComponent(dashboardName)}`;
}
