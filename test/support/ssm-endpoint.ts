import type { AwsEndpoint } from './aws-endpoint';
import { type JsonRpcCall, startJsonRpcEndpoint } from './json-rpc-endpoint';

/** A loopback SSM endpoint serving GetParameter from a map of parameter names to values. */
export interface SsmEndpoint extends AwsEndpoint {
  /** The decoded GetParameter calls, in order. */
  calls: JsonRpcCall[];
}

/**
 * Starts a loopback SSM endpoint (awsJson 1.1, `x-amz-target: AmazonSSM.GetParameter`) that answers from
 * `parameters` as SecureStrings, decrypted only when `WithDecryption` is true; unknown names get
 * `ParameterNotFound`.
 */
export async function startSsmEndpoint(parameters: Record<string, string>): Promise<SsmEndpoint> {
  const calls: JsonRpcCall[] = [];
  const endpoint = await startJsonRpcEndpoint(
    'AmazonSSM',
    ({ operation, input }) => {
      if (operation !== 'GetParameter') {
        return { ok: false, status: 400, type: 'InvalidAction', message: `unsupported ${operation}` };
      }
      const name = String(input.Name);
      const value = parameters[name];
      if (value === undefined) return { ok: false, status: 400, type: 'ParameterNotFound', message: '' };
      return {
        ok: true,
        body: {
          Parameter: {
            Name: name,
            Type: 'SecureString',
            Value: input.WithDecryption === true ? value : 'AQICAHencrypted==',
            Version: 1,
            LastModifiedDate: 1_740_830_580,
            ARN: `arn:aws:ssm:us-east-1:123456789012:parameter${name}`,
            DataType: 'text',
          },
        },
      };
    },
    calls,
  );
  return { ...endpoint, calls };
}
