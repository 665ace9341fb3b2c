import { quote } from '../assertions/describe-value';
import { asRecord, type UnknownRecord } from './rule-helpers';
import { validateSecretRef } from './secret-ref-rules';
import { fieldLabel, type PathSegment, type ReportProblem } from './validation-problem';

const pemCertificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/**
 * Reports TLS options (`ca`, `servername`, `clientCertificate`) that cannot work. `path` is where the options live:
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
  const clientCertificate = asRecord(options.clientCertificate);
  if (clientCertificate !== undefined) {
    const certPath = [...path, 'clientCertificate', 'cert'];
    if (typeof clientCertificate.cert === 'string' && !pemCertificate.test(clientCertificate.cert)) {
      report(
        certPath,
        `${fieldLabel(certPath)} does not look like a PEM certificate; it must contain "-----BEGIN CERTIFICATE-----" … "-----END CERTIFICATE-----"`,
      );
    }
    const keyPath = [...path, 'clientCertificate', 'key', 'ref'];
    validateSecretRef(report, keyPath, asRecord(clientCertificate.key)?.ref);
  }
}
