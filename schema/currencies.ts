import { ArgsType, Field, InputType } from 'type-graphql';
import { ListArgs, PageOf } from './common';
import { Currency } from '../src/entities/currencies';

@InputType()
export class CurrencyFilter {
  @Field({ nullable: true }) code?: string;
  @Field({ nullable: true }) includesTax?: boolean;
}

@ArgsType()
export class CurrencyListArgs extends ListArgs(20) {
  @Field(() => CurrencyFilter, { nullable: true }) filter?: CurrencyFilter;
}

export const CurrencyList = PageOf(Currency);

@InputType()
export class UpdateCurrencyInput {
  @Field(() => Boolean, { nullable: true }) includesTax?: boolean | null;
}
