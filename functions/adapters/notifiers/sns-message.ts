import type { ChatNotification } from '../../core/messages/render-chat-notification';
import type { RenderedNotification } from '../../core/messages/render-notification';

/** SNS's limit on one published message, message attributes included (256 KiB). */
export const snsMessageMaxBytes = 262_144;

/** Room kept free under the limit for the attributes' framing and rounding. */
const safetyBytes = 2_048;

/** The note that ends an email shortened to fit. */
export const emailShortenedNote =
  '\n\n[This email was shortened to fit the SNS message size limit; the full event is in the JSON message.]\n';

/**
 * The `Message` of a `MessageStructure: 'json'` publish: the JSON event for `default`, `email-json`, `https`,
 * `sqs` and `lambda`, the text for `email`, the line for `sms`. It fits in `maxBytes` (the SNS limit less the
 * attributes): the email is shortened first; if the event alone is too large for five copies, only `default`
 * carries it (SNS sends `default` to every protocol without its own key). Throws when even that cannot fit.
 */
export function buildSnsMessage(rendered: RenderedNotification, maxBytes: number): string {
  const full = (email: string) =>
    JSON.stringify({
      default: rendered.json,
      email,
      'email-json': rendered.json,
      sms: rendered.sms,
      https: rendered.json,
      sqs: rendered.json,
      lambda: rendered.json,
    });
  const compact = (email: string) => JSON.stringify({ default: rendered.json, email, sms: rendered.sms });
  for (const structure of [full, compact]) {
    const message = fitEmail(structure, rendered.email, maxBytes);
    if (message !== undefined) return message;
  }
  throw new Error(
    `the event is too large for one SNS message (${Buffer.byteLength(rendered.json)} bytes of JSON)`,
  );
}

/**
 * The `Message` of a chat topic publish: the custom notification as JSON, published as is (no
 * `MessageStructure`: Amazon Q Developer reads the raw message). The renderer keeps every field within the
 * format's limits, so the message is a few KiB at most; throws if it were ever over SNS's limit.
 */
export function buildChatMessage(notification: ChatNotification): string {
  const message = JSON.stringify(notification);
  const sizeBytes = Buffer.byteLength(message);
  if (sizeBytes > snsMessageMaxBytes - safetyBytes) {
    throw new Error(`the chat notification of ${notification.id} is too large for SNS (${sizeBytes} bytes)`);
  }
  return message;
}

/** The room for the message once the attributes are counted. */
export function messageBudgetBytes(attributes: Record<string, string>): number {
  let attributeBytes = 0;
  for (const [name, value] of Object.entries(attributes)) {
    attributeBytes += Buffer.byteLength(name) + Buffer.byteLength('String') + Buffer.byteLength(value);
  }
  return snsMessageMaxBytes - attributeBytes - safetyBytes;
}

function fitEmail(structure: (email: string) => string, email: string, maxBytes: number): string | undefined {
  let message = structure(email);
  let overflow = Buffer.byteLength(message) - maxBytes;
  if (overflow <= 0) return message;
  const minimum = structure(emailShortenedNote);
  if (Buffer.byteLength(minimum) > maxBytes) return undefined;
  let keepBytes = Buffer.byteLength(email);
  while (overflow > 0) {
    keepBytes = Math.max(0, keepBytes - overflow - 64);
    message = structure(`${cutUtf8(email, keepBytes)}${emailShortenedNote}`);
    overflow = Buffer.byteLength(message) - maxBytes;
  }
  return message;
}

/** The longest prefix of `text` of at most `maxBytes` UTF-8 bytes that does not split a character. */
export function cutUtf8(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  let end = maxBytes;
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString('utf8');
}
