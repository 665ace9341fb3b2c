import { type AwsEndpoint, type AwsReply, jsonError, startAwsEndpoint } from './aws-endpoint';

/** An answer to one JSON-RPC operation: a result body, or an error `__type` and message. */
export type JsonRpcAnswer =
  | { ok: true; body: unknown }
  | { ok: false; status: number; type: string; message: string };

/** A JSON-RPC call as it arrived. */
export interface JsonRpcCall {
  /** The `x-amz-target` operation, such as `GetParameter`. */
  operation: string;
  input: Record<string, unknown>;
}

/**
 * Starts a loopback awsJson 1.1 endpoint for one service (`x-amz-target: <serviceTarget>.<Operation>`);
 * `answer` handles the decoded calls.
 */
export async function startJsonRpcEndpoint(
  serviceTarget: string,
  answer: (call: JsonRpcCall) => JsonRpcAnswer,
  calls: JsonRpcCall[],
): Promise<AwsEndpoint> {
  return startAwsEndpoint({
    handle(request): AwsReply {
      if (request.headers['content-type'] !== 'application/x-amz-json-1.1') {
        return jsonError(
          400,
          'SerializationException',
          `unexpected content-type ${request.headers['content-type']}`,
        );
      }
      const target = request.headers['x-amz-target'] ?? '';
      if (!target.startsWith(`${serviceTarget}.`)) {
        return jsonError(400, 'UnknownOperationException', `unexpected x-amz-target ${target}`);
      }
      if (!request.headers.authorization?.startsWith('AWS4-HMAC-SHA256 ')) {
        return jsonError(403, 'MissingAuthenticationTokenException', 'the request is not signed');
      }
      const call = { operation: target.slice(serviceTarget.length + 1), input: JSON.parse(request.body) };
      calls.push(call);
      const result = answer(call);
      if (!result.ok) return jsonError(result.status, result.type, result.message);
      return {
        status: 200,
        headers: { 'content-type': 'application/x-amz-json-1.1' },
        body: JSON.stringify(result.body),
      };
    },
    fault(fault) {
      return fault === 'throttling'
        ? jsonError(400, 'ThrottlingException', 'Rate exceeded')
        : jsonError(500, 'InternalServerError', 'Internal error');
    },
  });
}
