import { quote } from '../assertions/describe-value';
import type { UnknownRecord } from './rule-helpers';
import { fieldLabel, type PathSegment, type ReportProblem } from './validation-problem';

const pemCertificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/**
 * Reports TLS options (`ca`, `servername`) that cannot work. `path` is where the options live:
 * the check itself for TLS checks, `tls` for HTTP checks.
 */
export function validateTlsOptions(report: ReportProblem, path: PathSegment[], options: UnknownRecord): void {
  if (typeof options.ca === 'string' && !pemCertificate.test(options.ca)) {
    const caPath = [...path, 'ca'];
    report(
      caPath,
      `${fieldLabel(caPath)} does not look like a PEM certificate; it must contain "-----BEGIN CERTIFICATE-----" … "-----END CERTIFICATE-----"`,
    );
  }
  if (typeof options.servername === 'string' && !/^[A-Za-z0-9.-]+$/.test(options.servername)) {
    const namePath = [...path, 'servername'];
    report(namePath, `${fieldLabel(namePath)} ${quote(options.servername)} is not a host name`);
  }
}
