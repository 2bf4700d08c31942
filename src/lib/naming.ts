/** GraphQL field names are camelCase, REST keys snake_case; these convert between the two. */

/** `createdAt` → `created_at`, `address1` → `address_1`, `iso2` → `iso_2`. */
export function toSnake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([a-zA-Z])(\d+)/g, '$1_$2')
    .toLowerCase();
}

/** `created_at` → `createdAt`, `address_1` → `address1`. */
export function toCamel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
