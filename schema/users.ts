import { ArgsType, Field, InputType } from 'type-graphql';
import { IsEmail, IsNotEmpty, IsOptional } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { DateRange, ListArgs, PageOf } from './common';
import { User, UserRole } from '../src/entities/users';

@InputType()
export class UserFilter {
  @Field(() => [String], { nullable: true }) id?: string[];
  @Field({ nullable: true }) email?: string;
  @Field({ nullable: true }) firstName?: string;
  @Field({ nullable: true }) lastName?: string;
  @Field(() => DateRange, { nullable: true }) createdAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) updatedAt?: DateRange;
  @Field(() => DateRange, { nullable: true }) deletedAt?: DateRange;
}

@ArgsType()
export class UserListArgs extends ListArgs(20) {
  @Field(() => UserFilter, { nullable: true }) filter?: UserFilter;
}

export const UserList = PageOf(User);

@InputType()
export class CreateUserInput {
  @Field() @IsEmail() email!: string;
  @Field() @IsNotEmpty() password!: string;
  @Field({ nullable: true }) firstName?: string;
  @Field({ nullable: true }) lastName?: string;
  @Field(() => UserRole, { nullable: true }) role?: UserRole;
}

@InputType()
export class UpdateUserInput {
  @Field(() => String, { nullable: true }) firstName?: string | null;
  @Field(() => String, { nullable: true }) lastName?: string | null;
  @Field(() => UserRole, { nullable: true }) role?: UserRole | null;
  @Field(() => String, { nullable: true, description: 'Sets the token accepted in the x-medusa-access-token header; empty clears it.' })
  apiToken?: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) metadata?: Record<string, unknown> | null;
}

@InputType()
export class RequestPasswordResetInput {
  @Field() @IsEmail() email!: string;
}

@InputType()
export class ResetPasswordInput {
  @Field({ nullable: true }) @IsOptional() @IsEmail() email?: string;
  @Field() @IsNotEmpty() token!: string;
  @Field() @IsNotEmpty() password!: string;
}
