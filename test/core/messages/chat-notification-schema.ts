import type { ChatNotification } from '../../../functions/core/messages/render-chat-notification';

/**
 * The custom-notification format of Amazon Q Developer in chat applications (formerly AWS Chatbot), written from
 * its documentation as a small JSON-Schema-like checker, independent of the renderer's own types and constants:
 * https://docs.aws.amazon.com/chatbot/latest/adminguide/custom-notifs.html ("Event schema" and "Parameter
 * details"). What the page documents:
 *
 * ```
 * { "version": String, "source": String, "id": String,
 *   "content": { "textType": String, "title": String, "description": String,
 *                "nextSteps": [ String, ... ], "keywords": [ String, ... ] },
 *   "metadata": { "threadId": String, "summary": String, "eventType": String,
 *                 "relatedResources": [ String, ... ],
 *                 "additionalContext": { "customerProvidedKey1": String, ... },
 *                 "enableCustomActions": Boolean } }
 * ```
 *
 * - `version` (required): must be `1.0`; `source` (required): must be `custom`; `id` optional.
 * - `content.textType` optional: only `client-markdown` is supported.
 * - `content.title` optional, markdown, at most 250 characters.
 * - `content.description` required, markdown, at most 8,000 characters.
 * - `content.nextSteps` optional, each at most 350 characters; `content.keywords` optional, each at most 75.
 * - `metadata` optional; `additionalContext` is a string-to-string map; `enableCustomActions` a boolean.
 *
 * The page's excerpts this project could read give the shape and the required fields; the character limits
 * are the page's parameter table as quoted by several independent clients of the format (for example the
 * pydantic model of a Chatbot client with `max_length=250` / `8000`, 350 per next step, 75 per keyword).
 */
const documentedLimits = { title: 250, description: 8_000, nextStep: 350, keyword: 75 } as const;

type Problem = string;

interface Rule {
  type: 'string' | 'boolean' | 'object' | 'array';
  required?: boolean;
  enum?: readonly string[];
  maxLength?: number;
  /** For arrays: the rule of every item. */
  items?: Rule;
  /** For objects: the rule of each known key; unknown keys are problems unless `values` is given. */
  properties?: Record<string, Rule>;
  /** For maps: the rule of every value. */
  values?: Rule;
}

const stringRule: Rule = { type: 'string' };

/** The documented format, as rules. */
export const customNotificationSchema: Rule = {
  type: 'object',
  properties: {
    version: { type: 'string', required: true, enum: ['1.0'] },
    source: { type: 'string', required: true, enum: ['custom'] },
    id: stringRule,
    content: {
      type: 'object',
      required: true,
      properties: {
        textType: { type: 'string', enum: ['client-markdown'] },
        title: { type: 'string', maxLength: documentedLimits.title },
        description: { type: 'string', required: true, maxLength: documentedLimits.description },
        nextSteps: { type: 'array', items: { type: 'string', maxLength: documentedLimits.nextStep } },
        keywords: { type: 'array', items: { type: 'string', maxLength: documentedLimits.keyword } },
      },
    },
    metadata: {
      type: 'object',
      properties: {
        threadId: stringRule,
        summary: stringRule,
        eventType: stringRule,
        relatedResources: { type: 'array', items: stringRule },
        additionalContext: { type: 'object', values: stringRule },
        enableCustomActions: { type: 'boolean' },
      },
    },
  },
};

/** Every way `value` departs from the documented format (empty when it conforms). */
export function customNotificationProblems(value: unknown): Problem[] {
  return check(customNotificationSchema, value, '$');
}

function check(rule: Rule, value: unknown, path: string): Problem[] {
  switch (rule.type) {
    case 'string': {
      if (typeof value !== 'string') return [`${path} must be a string`];
      const problems: Problem[] = [];
      if (rule.enum !== undefined && !rule.enum.includes(value)) {
        problems.push(`${path} must be one of ${rule.enum.join(', ')}, not ${JSON.stringify(value)}`);
      }
      // Characters counted as UTF-16 code units: never fewer than code points.
      if (rule.maxLength !== undefined && value.length > rule.maxLength) {
        problems.push(`${path} has ${value.length} characters, more than ${rule.maxLength}`);
      }
      if (value.trim() === '' && rule.required) problems.push(`${path} must not be empty`);
      return problems;
    }
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path} must be true or false`];
    case 'array':
      if (!Array.isArray(value)) return [`${path} must be a list`];
      return value.flatMap((item, index) => (rule.items ? check(rule.items, item, `${path}[${index}]`) : []));
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return [`${path} must be an object`];
      const record = value as Record<string, unknown>;
      const problems: Problem[] = [];
      if (rule.values !== undefined) {
        for (const [key, item] of Object.entries(record))
          problems.push(...check(rule.values, item, `${path}.${key}`));
        return problems;
      }
      const properties = rule.properties ?? {};
      for (const key of Object.keys(record)) {
        if (!(key in properties)) problems.push(`${path}.${key} is not in the format`);
      }
      for (const [key, property] of Object.entries(properties)) {
        if (record[key] === undefined) {
          if (property.required) problems.push(`${path}.${key} is required`);
          continue;
        }
        problems.push(...check(property, record[key], `${path}.${key}`));
      }
      return problems;
    }
  }
}

/** A chat notification as a person reads it in the channel, then the message published, for golden files. */
export function renderChatForGolden(notification: ChatNotification): string {
  const { content } = notification;
  return [
    `=== title (${content.title.length} chars)`,
    content.title,
    `=== description (${content.description.length} chars)`,
    content.description,
    '=== next steps',
    ...(content.nextSteps ?? []).map((step) => `- ${step}`),
    '=== keywords',
    content.keywords.join(' · '),
    '=== thread',
    notification.metadata.threadId,
    '=== message (published to the chat topic)',
    JSON.stringify(notification, null, 2),
    '',
  ].join('\n');
}
