/**
 * The physical names of Lookout's resources. They are fixed at synth time so that a probe stack in one region
 * can name the table, the event bus and the functions of another region without a cross-region reference.
 */

/** The names one Lookout instance gives its resources, all derived from its resource prefix. */
export interface LookoutNames {
  /** Such as `lookout`: lowercase letters, digits and dashes. */
  prefix: string;
  /** The results table, in the home region: `<prefix>-results`. */
  tableName: string;
  /** The SNS topic, in the home region: `<prefix>-alerts`. */
  topicName: string;
  /** The CloudWatch dashboard, in the home region: `<prefix>`. */
  dashboardName: string;
  /** The probe function in each probe region: `<prefix>-probe`. */
  probeFunctionName: string;
  /** The evaluate function, in the home region: `<prefix>-evaluate`. */
  evaluateFunctionName: string;
  /** The sweep function, in the home region: `<prefix>-sweep`. */
  sweepFunctionName: string;
  /** The dead-letter queue of each stack: `<prefix>-dead-letters`. */
  deadLetterQueueName: string;
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
    dashboardName: prefix,
    probeFunctionName: `${prefix}-probe`,
    evaluateFunctionName: `${prefix}-evaluate`,
    sweepFunctionName: `${prefix}-sweep`,
    deadLetterQueueName: `${prefix}-dead-letters`,
    alarmNamePrefix: `${prefix}.`,
  };
}

/** The console address of the dashboard (the standard `aws` partition). */
export function dashboardUrl(homeRegion: string, dashboardName: string): string {
  return `https://${homeRegion}.console.aws.amazon.com/cloudwatch/home?region=${homeRegion}#dashboards/dashboard/${encodeURIComponent(dashboardName)}`;
}
