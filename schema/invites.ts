import { Field, InputType } from 'type-graphql';
import { IsEmail, IsNotEmpty, ValidateNested } from 'class-validator';
import { UserRole } from '../src/entities/users';

@InputType()
export class CreateInviteInput {
  @Field({ description: 'The email of the person invited.' }) @IsEmail() user!: string;
  @Field(() => UserRole) role!: UserRole;
}

@InputType()
export class InvitedUserInput {
  @Field() @IsNotEmpty() firstName!: string;
  @Field() @IsNotEmpty() lastName!: string;
  @Field() @IsNotEmpty() password!: string;
}

@InputType()
export class AcceptInviteInput {
  @Field() @IsNotEmpty() token!: string;
  @Field(() => InvitedUserInput) @ValidateNested() user!: InvitedUserInput;
}
