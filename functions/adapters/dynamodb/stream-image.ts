import { tableLayout } from '../../core/contract/table-layout';
import type { StoredResult } from '../../core/ports/stored-result';
import type { ProbeResult } from '../../core/probe-result';

/** An attribute of a stream record's image, as Lambda delivers it (only the shapes a result item uses). */
type StreamAttribute = { S?: string; N?: string };

/**
 * The stored result in a raw-result item's stream image (`result` JSON and `roundAtMs`), or undefined for any
 * other item or a malformed one.
 */
export function resultFromStreamImage(
  image: Readonly<Record<string, StreamAttribute>> | undefined,
): StoredResult | undefined {
  const { sortKey: sortKeyName, sortKeyPrefix, resultAttributes } = tableLayout;
  const sortKey = image?.[sortKeyName]?.S;
  const json = image?.[resultAttributes.result]?.S;
  const roundAtMs = Number(image?.[resultAttributes.roundAtMs]?.N);
  if (!sortKey?.startsWith(sortKeyPrefix.result) || json === undefined || !Number.isFinite(roundAtMs))
    return undefined;
  try {
    return { result: JSON.parse(json) as ProbeResult, roundAtMs };
  } catch {
    return undefined;
  }
}
