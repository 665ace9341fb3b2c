import type { X509Certificate } from 'node:crypto';

/**
 * Why OpenSSL refused a certificate for its strength. Node reports OpenSSL's verify errors `EE_KEY_TOO_SMALL`,
 * `CA_KEY_TOO_SMALL` and `CA_MD_TOO_WEAK` only as `UNSPECIFIED`, so the engine finds the weak link itself, by the
 * rules of OpenSSL's security level 2, the level of Node 24's OpenSSL 3.5 by default.
 */
export interface CertificateWeakness {
  /** OpenSSL's name for the verify error. */
  code: 'EE_KEY_TOO_SMALL' | 'CA_KEY_TOO_SMALL' | 'CA_MD_TOO_WEAK';
  /** In plain words: `RSA key of 1024 bits is below the minimum of 2048`. */
  reason: string;
}

/** Security level 2: RSA, DSA and DH keys of at least 2048 bits, EC keys of at least 224. */
const minimumKeyBits = { rsa: 2048, ec: 224 } as const;

/** Bits of the named curves OpenSSL may report. */
const curveBits: Readonly<Record<string, number>> = {
  prime192v1: 192,
  secp192k1: 192,
  secp224r1: 224,
  secp224k1: 224,
  prime256v1: 256,
  secp256k1: 256,
  secp384r1: 384,
  secp521r1: 521,
};

/** Digests too weak for a signature at security level 1 and above. */
const weakDigest = /(?:md2|md4|md5|sha1)(?!\d)/i;

/**
 * The first certificate of the peer's chain (`leaf`, then its `issuerCertificate`s as Node linked them) whose key or
 * signature OpenSSL's security level refuses, or `undefined`. A self-signed certificate's own signature is not
 * judged, as OpenSSL does not judge a trust anchor's.
 */
export function findCertificateWeakness(leaf: X509Certificate): CertificateWeakness | undefined {
  const chain = chainFrom(leaf);
  for (const [index, certificate] of chain.entries()) {
    const isLeaf = index === 0;
    const whose = isLeaf ? 'the certificate’s' : `the issuing certificate (${firstName(certificate)})’s`;
    const keyProblem = weakKey(certificate);
    if (keyProblem !== undefined) {
      return { code: isLeaf ? 'EE_KEY_TOO_SMALL' : 'CA_KEY_TOO_SMALL', reason: `${whose} ${keyProblem}` };
    }
    const selfSigned = certificate.checkIssued(certificate);
    if (!selfSigned && weakDigest.test(certificate.signatureAlgorithm ?? '')) {
      return {
        code: 'CA_MD_TOO_WEAK',
        reason: `${isLeaf ? 'the certificate' : `the issuing certificate (${firstName(certificate)})`} is signed with ${certificate.signatureAlgorithm}, a digest no longer accepted`,
      };
    }
  }
  return undefined;
}

function weakKey(certificate: X509Certificate): string | undefined {
  const key = certificate.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa':
    case 'rsa-pss':
    case 'dsa':
    case 'dh': {
      const bits = details.modulusLength ?? 0;
      const kind = key.asymmetricKeyType === 'rsa-pss' ? 'RSA-PSS' : key.asymmetricKeyType.toUpperCase();
      return bits < minimumKeyBits.rsa
        ? `${kind} key of ${bits} bits is below the minimum of ${minimumKeyBits.rsa}`
        : undefined;
    }
    case 'ec': {
      const curve = details.namedCurve ?? 'unknown';
      const bits = curveBits[curve];
      return bits !== undefined && bits < minimumKeyBits.ec
        ? `EC key of ${bits} bits (${curve}) is below the minimum of ${minimumKeyBits.ec}`
        : undefined;
    }
    default:
      return undefined;
  }
}

/** The chain from `leaf` up, as far as Node linked it (at most 10 certificates). */
function chainFrom(leaf: X509Certificate): X509Certificate[] {
  const chain: X509Certificate[] = [];
  const seen = new Set<string>();
  let current: X509Certificate | undefined = leaf;
  while (current && !seen.has(current.fingerprint256) && chain.length < 10) {
    seen.add(current.fingerprint256);
    chain.push(current);
    current = current.issuerCertificate;
  }
  return chain;
}

/** `CN=Example Intermediate` from a subject. */
function firstName(certificate: X509Certificate): string {
  return certificate.subject.split('\n').find((part) => part.startsWith('CN=')) ?? certificate.subject;
}
