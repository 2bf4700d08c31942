/**
 * A product or variant nested in another record's answer, as Medusa's entities show it: a product
 * carries `profile_id` only when its profiles were loaded (Medusa derives it from them), and a
 * plain variant carries its columns only, not the priced fields of the product routes.
 */
import { omit } from './_keys';

type Row = Record<string, any>;

/** The priced fields of a variant, answered only where Medusa prices variants. */
export const VARIANT_PRICED = [
  'calculated_price', 'original_price', 'calculated_price_incl_tax', 'original_price_incl_tax', 'calculated_tax', 'original_tax',
  'tax_rates', 'original_price_includes_tax', 'calculated_price_includes_tax',
];

export function plainVariant(variant: Row | null | undefined): Row | null | undefined {
  return omit(variant, VARIANT_PRICED);
}

/** Medusa's `profile_id` follows from the loaded `profiles` (whatever `fields` says), and only from them. */
export function withProfile(product: Row | null | undefined): Row | null | undefined {
  if (!product) return product;
  if (Array.isArray(product.profiles)) return { ...product, profile_id: product.profiles[0]?.id ?? null };
  return omit(product, ['profile_id']);
}
