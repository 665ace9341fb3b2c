// The sweep function's entry point (home region), every minute.
import { evaluationDepsFromEnvironment } from './evaluation-environment';
import { createSweepHandler } from './sweep-handler';

export const handler = createSweepHandler(evaluationDepsFromEnvironment('sweep'));
