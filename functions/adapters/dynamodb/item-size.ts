import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/**
 * An item's size as DynamoDB counts it for capacity units and its 400 KB limit, by AWS's documented rules: the
 * sum over attributes of the name's UTF-8 length and the value's size, where a string is its UTF-8 length, a
 * binary its byte length, a number 1 byte plus 1 per two significant digits (plus 1 when negative), a boolean or
 * null 1 byte, a set the sum of its elements, and a list or map 3 bytes plus, per element, 1 byte and its size
 * (a map's element also its name). A write costs one unit per started KB of the item; an eventually
 * consistent read half a unit per started 4 KB.
 */
export function itemSizeBytes(item: Readonly<Record<string, AttributeValue>>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) size += utf8Bytes(name) + valueSizeBytes(value);
  return size;
}

/** The size of one attribute value (see `itemSizeBytes`). */
export function valueSizeBytes(value: AttributeValue): number {
  if (value.S !== undefined) return utf8Bytes(value.S);
  if (value.N !== undefined) return numberSizeBytes(value.N);
  if (value.B !== undefined) return value.B.byteLength;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((sum, text) => sum + utf8Bytes(text), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, number) => sum + numberSizeBytes(number), 0);
  if (value.BS !== undefined) return value.BS.reduce((sum, bytes) => sum + bytes.byteLength, 0);
  if (value.L !== undefined) return value.L.reduce((sum, element) => sum + 1 + valueSizeBytes(element), 3);
  if (value.M !== undefined) {
    return Object.entries(value.M).reduce(
      (sum, [name, element]) => sum + 1 + utf8Bytes(name) + valueSizeBytes(element),
      3,
    );
  }
  throw new Error(`not an attribute value: ${JSON.stringify(value)}`);
}

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** 1 byte, plus 1 per two significant digits (leading and trailing zeros do not count), plus 1 when negative. */
function numberSizeBytes(number: string): number {
  const negative = number.trim().startsWith('-');
  const [mantissa = ''] = number.trim().replace(/^[-+]/, '').toLowerCase().split('e');
  const digits = mantissa.replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return 1 + Math.ceil(Math.max(1, digits.length) / 2) + (negative ? 1 : 0);
}
