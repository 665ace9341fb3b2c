const fnvOffsetBasis = 0x811c9dc5;
const fnvPrime = 0x01000193;
const encoder = new TextEncoder();

/** FNV-1a, 32 bits, over the UTF-8 bytes of `text`, as an unsigned integer. */
export function fnv1a32(text: string): number {
  let hash = fnvOffsetBasis;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, fnvPrime);
  }
  return hash >>> 0;
}

/**
 * A hash of `text` that is the same on every machine, in every region and across deployments, so that what
 * is derived from it (a check's phase, its shard) never moves unless the text changes: FNV-1a (32 bits) with
 * MurmurHash3's finalizer on top. FNV-1a alone mixes its low bits poorly (they depend only on the low bits of
 * each byte), so `hash % 2` and `hash % 4` of similar ids would be correlated, and phase and shard with them.
 */
export function stableHash(text: string): number {
  let hash = fnv1a32(text);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
