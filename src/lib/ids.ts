import { ulid } from 'ulid';

/** Medusa's id format: `<prefix>_<ULID>`, time-sortable, e.g. `usr_01G1G5V2MBA328390B5AXJ610F`. */
export function newId(prefix: string): string {
  return `${prefix}_${ulid()}`;
}
