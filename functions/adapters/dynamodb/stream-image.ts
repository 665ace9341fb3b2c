import { tableLayout } from '../../core/contract/table-layout';
import type { StoredResult } from '../../core/ports/stored-result';
import type { CheckLookup } from './check-lookup';
import { fromResultItem } from './result-items';

/** An attribute of a stream record's image, as Lambda delivers it (only the shapes a result item uses). */
type StreamAttribute = { S?: string; N?: string };

/**
 * The stored result in a result item's stream image, or undefined for any other item, a malformed one, or one
 * of a check the monitor does not have (its kind, target and assertions are not in the item).
 */
export function resultFromStreamImage(
  image: Readonly<Record<string, StreamAttribute>> | undefined,
  checkOf: CheckLookup,
): StoredResult | undefined {
  if (image?.[tableLayout.sortKey]?.S?.startsWith(tableLayout.sortKeyPrefix.result) !== true)
    return undefined;
  try {
    return fromResultItem(image, checkOf);
  } catch {
    return undefined;
  }
}
