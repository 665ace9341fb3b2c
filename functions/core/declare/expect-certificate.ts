import type { Assertion } from './assertion';
import { buildAssertion } from './build-assertion';

/** Assertions on the days left until the leaf certificate expires (fractional; negative once expired). */
export interface CertificateDaysExpectation {
  /** More than `days` days are left. */
  greaterThan(days: number): Assertion;
  /** At least `days` days are left. */
  greaterThanOrEqual(days: number): Assertion;
  /** Fewer than `days` days are left. */
  lessThan(days: number): Assertion;
  /** At most `days` days are left. */
  lessThanOrEqual(days: number): Assertion;
}

/** Assertions on the server's certificate (HTTPS URLs and TLS checks only). */
export interface CertificateExpectation {
  /** Starts an assertion on the days left until the certificate expires. */
  daysUntilExpiry(): CertificateDaysExpectation;
}

/** Starts an assertion on the server's certificate. */
export function expectCertificate(): CertificateExpectation {
  return {
    daysUntilExpiry: () => {
      const on = (comparison: Assertion['comparison'], days: number) =>
        buildAssertion('certificate', comparison, { property: 'daysUntilExpiry', target: days });
      return {
        greaterThan: (days) => on('greaterThan', days),
        greaterThanOrEqual: (days) => on('greaterThanOrEqual', days),
        lessThan: (days) => on('lessThan', days),
        lessThanOrEqual: (days) => on('lessThanOrEqual', days),
      };
    },
  };
}
