// The sweep function's entry point (home region), every minute.
import { loadBundledMonitor } from './bundled-monitor';
import { evaluationDepsFromEnvironment, statusPageRefresherFromEnvironment } from './evaluation-environment';
import { createSweepHandler } from './sweep-handler';

const monitor = loadBundledMonitor();

export const handler = createSweepHandler(
  evaluationDepsFromEnvironment('sweep', monitor),
  statusPageRefresherFromEnvironment(monitor),
);
