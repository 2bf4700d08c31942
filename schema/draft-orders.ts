import { ArgsType, Field, Float, InputType, Int } from 'type-graphql';
import { ArrayNotEmpty, IsArray, IsEmail, IsNotEmpty, IsOptional, ValidateNested } from 'class-validator';
import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { DateRange, ListArgs, PageOf } from './common';
import { DraftOrder, DraftOrderStatus } from '../src/entities/draft-orders';
import type { AddressRef } from '../src/services/carts';
import { toCamel } from '../src/lib/naming';

const ADDRESS_KEYS = ['first_name', 'last_name', 'phone', 'company', 'address_1', 'address_2', 'city', 'country_code', 'province', 'postal_code', 'metadata'];

/**
 * Medusa takes an address as an existing address's id or as a new address (its AddressPayload,
 * snake_case as in REST): one scalar holds either, checked here.
 */
function parseAddress(value: unknown): AddressRef {
  if (typeof value === 'string') return { id: value };
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new GraphQLError('an address must be an id or an object');
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!ADDRESS_KEYS.includes(key)) throw new GraphQLError(`property ${key} should not exist`);
    if (key === 'metadata' ? v !== null && (typeof v !== 'object' || Array.isArray(v)) : v !== null && typeof v !== 'string') {
      throw new GraphQLError(key === 'metadata' ? 'metadata must be an object' : `${key} must be a string`);
    }
    out[toCamel(key)] = v;
  }
  return out as AddressRef;
}

export const AddressOrId = new GraphQLScalarType({
  name: 'AddressOrId',
  description: 'An existing address\'s id, or a new address: {first_name, last_name, phone, company, address_1, address_2, city, country_code, province, postal_code, metadata}.',
  serialize: (v) => v,
  parseValue: parseAddress,
  parseLiteral: (ast, vars) => parseAddress(ast.kind === Kind.STRING ? ast.value : valueFromASTUntyped(ast, vars)),
});

@InputType({ description: 'A line: a variant (priced in the region unless `unitPrice` is given) or a custom line with a title.' })
export class DraftOrderItemInput {
  @Field({ nullable: true }) title?: string;
  // Medusa's create checks numbers only (IsNumber); a fraction is refused by the service.
  @Field(() => Float, { nullable: true }) unitPrice?: number;
  @Field({ nullable: true }) variantId?: string;
  @Field(() => Float) quantity!: number;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@InputType({ description: 'A shipping option for the draft, at its own price unless `price` is given.' })
export class DraftOrderShippingMethodInput {
  @Field() optionId!: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) data?: Record<string, unknown> | null;
  @Field(() => Float, { nullable: true }) price?: number;
}

@InputType()
export class DiscountCodeInput {
  @Field() code!: string;
}

@InputType()
export class CreateDraftOrderInput {
  @Field(() => DraftOrderStatus, { nullable: true }) status?: DraftOrderStatus;
  @Field() @IsEmail() email!: string;
  @Field(() => AddressOrId, { nullable: true }) billingAddress?: AddressRef;
  @Field(() => AddressOrId, { nullable: true }) shippingAddress?: AddressRef;
  @Field(() => [DraftOrderItemInput], { nullable: true }) @IsArray() @IsNotEmpty() @ValidateNested({ each: true }) @IsOptional() items?: DraftOrderItemInput[];
  @Field() regionId!: string;
  @Field(() => [DiscountCodeInput], { nullable: true }) @IsOptional() @ValidateNested({ each: true }) discounts?: DiscountCodeInput[];
  @Field({ nullable: true }) customerId?: string;
  @Field({ nullable: true }) noNotificationOrder?: boolean;
  // Medusa says "should not be empty" of a missing list too: ArrayNotEmpty speaks for IsNotEmpty here.
  @Field(() => [DraftOrderShippingMethodInput]) @IsArray() @ArrayNotEmpty({ message: '$property should not be empty' }) @ValidateNested({ each: true }) shippingMethods!: DraftOrderShippingMethodInput[];
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@InputType()
export class UpdateDraftOrderInput {
  @Field({ nullable: true }) regionId?: string;
  @Field({ nullable: true }) countryCode?: string;
  @Field({ nullable: true }) @IsOptional() @IsEmail() email?: string;
  @Field(() => AddressOrId, { nullable: true }) billingAddress?: AddressRef;
  @Field(() => AddressOrId, { nullable: true }) shippingAddress?: AddressRef;
  @Field(() => [DiscountCodeInput], { nullable: true }) @IsOptional() @ValidateNested({ each: true }) discounts?: DiscountCodeInput[];
  @Field({ nullable: true }) customerId?: string;
  @Field({ nullable: true }) noNotificationOrder?: boolean;
}

@InputType()
export class CreateDraftOrderLineItemInput {
  @Field({ nullable: true, description: 'For a custom line; "Custom item" when omitted.' }) title?: string;
  @Field(() => Int, { nullable: true }) unitPrice?: number;
  @Field({ nullable: true }) variantId?: string;
  @Field(() => Int) quantity!: number;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@InputType()
export class UpdateDraftOrderLineItemInput {
  @Field({ nullable: true }) title?: string;
  @Field(() => Int, { nullable: true }) unitPrice?: number;
  @Field(() => Int, { nullable: true, description: '0 removes the line.' }) quantity?: number;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@InputType({ description: 'Filters of the draft order list.' })
export class DraftOrderFilter {
  @Field(() => [DraftOrderStatus], { nullable: true }) status?: DraftOrderStatus[];
  @Field(() => DateRange, { nullable: true }) createdAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) updatedAt?: DateRange;
}

@ArgsType()
export class DraftOrderListArgs extends ListArgs(50) {
  @Field(() => DraftOrderFilter, { nullable: true }) filter?: DraftOrderFilter;
}

export const DraftOrderList = PageOf(DraftOrder);
