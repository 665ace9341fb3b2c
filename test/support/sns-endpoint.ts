import { randomUUID } from 'node:crypto';
import { type AwsEndpoint, type AwsReply, type AwsRequest, startAwsEndpoint } from './aws-endpoint';

const xmlns = 'http://sns.amazonaws.com/doc/2010-03-31/';

/** A message attribute as the query protocol carries it. */
export interface DecodedAttribute {
  dataType: string;
  stringValue?: string;
}

/** A Publish request decoded from its form-encoded body. */
export interface DecodedPublish {
  topicArn: string;
  message: string;
  messageStructure?: string;
  subject?: string;
  attributes: Record<string, DecodedAttribute>;
  /** The MessageId the endpoint answered with. */
  messageId: string;
}

/** A loopback SNS endpoint (query protocol) that accepts Publish. */
export interface SnsEndpoint extends AwsEndpoint {
  /** Publish requests accepted (answered 200), in order. */
  published: DecodedPublish[];
}

/** SNS's limit on a published message, attributes included. */
export const snsMessageLimitBytes = 262_144;

/**
 * Starts a loopback SNS endpoint: decodes Publish, answers the XML PublishResponse, or a planned fault.
 * Topics other than `topics` get `NotFound`; a message over 256 KiB (attributes included) `InvalidParameter`.
 */
export async function startSnsEndpoint(topics: readonly string[]): Promise<SnsEndpoint> {
  const published: DecodedPublish[] = [];
  const endpoint = await startAwsEndpoint({
    handle(request) {
      const form = new URLSearchParams(request.body);
      if (request.headers['content-type']?.startsWith('application/x-www-form-urlencoded') !== true) {
        return errorReply(400, 'Sender', 'InvalidParameter', 'expected a form-encoded body');
      }
      if (form.get('Action') !== 'Publish' || form.get('Version') !== '2010-03-31') {
        return errorReply(400, 'Sender', 'InvalidAction', `unsupported action ${form.get('Action')}`);
      }
      const topicArn = form.get('TopicArn');
      const message = form.get('Message');
      if (topicArn === null || message === null) {
        return errorReply(400, 'Sender', 'InvalidParameter', 'TopicArn and Message are required');
      }
      if (!topics.includes(topicArn)) return errorReply(404, 'Sender', 'NotFound', 'Topic does not exist');
      const attributes = decodeAttributes(form);
      const attributeBytes = Object.entries(attributes).reduce(
        (sum, [name, value]) =>
          sum +
          Buffer.byteLength(name) +
          Buffer.byteLength(value.dataType) +
          Buffer.byteLength(value.stringValue ?? ''),
        0,
      );
      if (Buffer.byteLength(message) + attributeBytes > snsMessageLimitBytes) {
        return errorReply(400, 'Sender', 'InvalidParameter', 'Invalid parameter: Message too long');
      }
      if (form.get('MessageStructure') === 'json' && typeof JSON.parse(message).default !== 'string') {
        return errorReply(
          400,
          'Sender',
          'InvalidParameter',
          'Message Structure - No default entry in JSON message body',
        );
      }
      const messageId = randomUUID();
      published.push({
        topicArn,
        message,
        ...optional('messageStructure', form.get('MessageStructure')),
        ...optional('subject', form.get('Subject')),
        attributes,
        messageId,
      });
      return {
        status: 200,
        headers: { 'content-type': 'text/xml' },
        body: `<PublishResponse xmlns="${xmlns}"><PublishResult><MessageId>${messageId}</MessageId></PublishResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></PublishResponse>`,
      };
    },
    fault(fault) {
      return fault === 'throttling'
        ? errorReply(400, 'Sender', 'Throttling', 'Rate exceeded')
        : errorReply(500, 'Receiver', 'InternalError', 'Internal Error');
    },
  });
  return { ...endpoint, published };
}

/** The request's decoded form fields, for assertions on what the SDK sent. */
export function formFields(request: AwsRequest): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(request.body));
}

function decodeAttributes(form: URLSearchParams): Record<string, DecodedAttribute> {
  const attributes: Record<string, DecodedAttribute> = {};
  for (let index = 1; form.has(`MessageAttributes.entry.${index}.Name`); index++) {
    const prefix = `MessageAttributes.entry.${index}`;
    const name = form.get(`${prefix}.Name`) ?? '';
    attributes[name] = {
      dataType: form.get(`${prefix}.Value.DataType`) ?? '',
      ...optional('stringValue', form.get(`${prefix}.Value.StringValue`)),
    };
  }
  return attributes;
}

function optional<K extends string>(key: K, value: string | null): { [P in K]?: string } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: string };
}

function errorReply(status: number, type: string, code: string, message: string): AwsReply {
  return {
    status,
    headers: { 'content-type': 'text/xml' },
    body: `<ErrorResponse xmlns="${xmlns}"><Error><Type>${type}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  };
}
