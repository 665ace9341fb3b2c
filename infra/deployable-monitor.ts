import {
  formatProblems,
  localRegion,
  type MonitorDeclaration,
  type ResolvedMonitor,
  type ValidationProblem,
  validateMonitor,
} from '../functions/core';
import { LookoutError } from '../functions/core/lookout-error';
import { deployedMonitor } from '../functions/core/resolve/monitor-variants';

/** A monitor that can be deployed: the declaration as shipped to the functions, and its resolved form. */
export interface DeployableMonitor {
  /** The validated declaration, exactly as each function bundle gets it (JSON). */
  declaration: MonitorDeclaration;
  /** Its resolved form as AWS runs it (checks placed only in `'local'` left out): what the infrastructure is built from. */
  monitor: ResolvedMonitor;
}

/** Thrown when a monitor cannot be deployed; the message lists every problem, one a line. */
export class InvalidMonitorError extends LookoutError {
  override readonly name = 'InvalidMonitorError';
  readonly code = 'LOOKOUT_INVALID_MONITOR';
  /** Every problem found. */
  readonly problems: ValidationProblem[];

  constructor(problems: ValidationProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`Lookout cannot deploy this monitor (${count}):\n${formatProblems(problems)}`);
    this.problems = problems;
  }
}

/**
 * Validates a declaration for deployment: every problem the core finds, plus what only a deployment cares
 * about (the `local` pseudo-region, and a declaration that does not survive the trip through JSON that ships it
 * to the functions). Throws an `InvalidMonitorError` listing every problem.
 */
export function deployableMonitor(declaration: unknown): DeployableMonitor {
  const validation = validateMonitor(declaration);
  if (!validation.ok) throw new InvalidMonitorError(validation.problems);
  const monitor = validation.monitor;
  const problems: ValidationProblem[] = [];
  if (monitor.homeRegion === localRegion) {
    problems.push({
      path: 'homeRegion',
      message: `homeRegion "${localRegion}" is this machine; name an AWS region to deploy`,
    });
  }
  monitor.regions.forEach((region, index) => {
    if (region === localRegion) {
      problems.push({
        path: `regions[${index}]`,
        message: `regions[${index}] "${localRegion}" is this machine, not an AWS region; remove it to deploy`,
      });
    }
  });
  const shipped = JSON.parse(JSON.stringify(declaration)) as unknown;
  const reread = validateMonitor(shipped);
  if (!reread.ok || JSON.stringify(reread.monitor) !== JSON.stringify(monitor)) {
    problems.push({
      path: '',
      message:
        'the declaration changes when written as JSON (a value that is not plain data?); functions get it as JSON',
    });
  }
  if (problems.length > 0) throw new InvalidMonitorError(problems);
  return { declaration: shipped as MonitorDeclaration, monitor: deployedMonitor(monitor) };
}
