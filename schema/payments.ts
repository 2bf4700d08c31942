import { Field, InputType, Int } from 'type-graphql';
import { IsInt, Min, ValidateBy } from 'class-validator';
import { RefundReason } from '../src/entities/orders';

/**
 * Medusa's IsNotEmpty, speaking also when the value is missing or of another type (its message
 * comes first, as in Medusa's answer).
 */
const Present = () => ValidateBy({
  name: 'isPresent',
  validator: { validate: (v) => v !== undefined && v !== null && v !== '', defaultMessage: () => '$property should not be empty' },
});

@InputType({ description: 'A refund of a payment (or an order): an amount in minor units, a reason and an optional note.' })
export class RefundInput {
  @Field(() => Int) @IsInt() @Present() @Min(1) amount!: number;
  @Field(() => RefundReason) @Present() reason!: RefundReason;
  @Field({ nullable: true }) note?: string;
}
