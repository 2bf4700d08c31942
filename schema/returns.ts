import { ArgsType, Field, Float, InputType } from 'type-graphql';
import { IsArray, IsBoolean, IsInt, IsNumber, IsOptional, IsString, ValidateNested } from 'class-validator';
import { ListArgs, PageOf } from './common';
import { Return } from '../src/entities/returns';

@ArgsType()
export class ReturnListArgs extends ListArgs(50) {}

export const ReturnList = PageOf(Return);

@InputType({ description: 'A quantity of an order line to return, with its reason and a note.' })
export class ReturnItemInput {
  @Field() @IsString() itemId!: string;
  // Float so that class-validator, not the GraphQL type, words a fraction as Medusa does.
  @Field(() => Float, { description: 'At least 1, at most what is fulfilled and not returned or in an open return.' }) @IsInt() quantity!: number;
  @Field({ nullable: true }) @IsOptional() @IsString() reasonId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() note?: string;
}

@InputType({ description: 'The return\'s shipping: a (return) shipping option, at a price.' })
export class ReturnShippingInput {
  @Field({ nullable: true }) @IsOptional() @IsString() optionId?: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsInt() price?: number;
}

@InputType({ description: 'Medusa\'s return request on an order.' })
export class RequestReturnInput {
  @Field(() => [ReturnItemInput]) @IsArray() @ValidateNested({ each: true }) items!: ReturnItemInput[];
  @Field(() => ReturnShippingInput, { nullable: true }) @IsOptional() @ValidateNested() returnShipping?: ReturnShippingInput;
  @Field({ nullable: true }) @IsOptional() @IsString() note?: string;
  @Field({ nullable: true, description: 'Receive the items at once (their refund is registered when the return is received through its own route).' })
  @IsOptional() @IsBoolean() receiveNow?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() noNotification?: boolean;
  @Field(() => Float, { nullable: true, description: 'The refund when received; negative: none; 0 or none: the items\' value less the return shipping.' })
  @IsOptional() @IsInt() refund?: number;
  @Field({ nullable: true, description: 'Where received items are restocked.' }) @IsOptional() @IsString() locationId?: string;
}

@InputType({ description: 'A quantity of a line that arrived in a return.' })
export class ReceiveItemInput {
  @Field() @IsString() itemId!: string;
  @Field(() => Float) @IsNumber() quantity!: number;
}

@InputType({ description: 'Medusa\'s receipt of a return: what arrived, the refund and where it is restocked.' })
export class ReceiveReturnInput {
  @Field(() => [ReceiveItemInput]) @IsArray() @ValidateNested({ each: true }) items!: ReceiveItemInput[];
  @Field(() => Float, { nullable: true, description: 'The refund (negative: none); the return\'s refund amount by default.' }) @IsOptional() @IsNumber() refund?: number;
  @Field({ nullable: true }) @IsOptional() @IsString() locationId?: string;
}

@InputType({ description: 'A reservation of an order line\'s variant at a location.' })
export class ReserveLineItemInput {
  @Field() @IsString() locationId!: string;
  @Field(() => Float, { nullable: true, description: 'At most the line\'s unfulfilled, unreserved quantity (the default).' }) @IsOptional() @IsNumber() quantity?: number;
}
