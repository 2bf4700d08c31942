import { monotonicFactory } from 'ulid';

// Monotonic: ids made in the same millisecond still sort in the order they were made, so ordering
// by (created_at, id) is creation order even for rows written together.
const ulid = monotonicFactory();

/** Medusa's id format: `<prefix>_<ULID>`, time-sortable, e.g. `usr_01G1G5V2MBA328390B5AXJ610F`. */
export function newId(prefix: string): string {
  return `${prefix}_${ulid()}`;
}
