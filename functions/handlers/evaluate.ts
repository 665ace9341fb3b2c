// The evaluate function's entry point (home region), on the table's stream of new results.
import { createEvaluateHandler } from './evaluate-handler';
import { evaluationDepsFromEnvironment } from './evaluation-environment';

export const handler = createEvaluateHandler(evaluationDepsFromEnvironment('evaluate'));
