import { quote } from '../assertions/describe-value';
import { maximumStatusPageTitleLength } from '../declare/defaults';
import { didYouMean } from './did-you-mean';
import { asRecord, validateNoDuplicates } from './rule-helpers';
import { fieldLabel, type PathSegment, type ReportProblem } from './validation-problem';

/**
 * Reports a status page that is malformed: an empty or overlong title, no check listed (checks are private unless
 * listed, so such a page would show nothing), a listed id that is not a check of the monitor, an id listed twice.
 * `checkIds` are the ids the monitor declares.
 */
export function validateStatusPage(
  report: ReportProblem,
  path: PathSegment[],
  value: unknown,
  checkIds: readonly string[],
): void {
  const page = asRecord(value);
  if (page === undefined) return;
  const titlePath = [...path, 'title'];
  if (typeof page.title === 'string') {
    if (page.title.trim() === '') {
      report(titlePath, `${fieldLabel(titlePath)} is empty; name the page, such as 'Acme status'`);
    } else if (page.title.length > maximumStatusPageTitleLength) {
      report(
        titlePath,
        `${fieldLabel(titlePath)} is ${page.title.length} characters long, more than the ${maximumStatusPageTitleLength} allowed`,
      );
    }
  }
  const checksPath = [...path, 'checks'];
  if (!Array.isArray(page.checks)) return;
  if (page.checks.length === 0) {
    report(
      checksPath,
      `${fieldLabel(checksPath)} is empty, so the page would show nothing: checks are private unless listed; list the ids of the checks to show`,
    );
    return;
  }
  page.checks.forEach((id, index) => {
    if (typeof id !== 'string' || checkIds.includes(id)) return;
    const idPath = [...checksPath, index];
    report(
      idPath,
      `${fieldLabel(idPath)} ${quote(id)} is not a check of this monitor${didYouMean(id, checkIds)}`,
    );
  });
  validateNoDuplicates(report, checksPath, page.checks);
}
