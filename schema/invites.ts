import { Field, InputType } from 'type-graphql';
import { IsEmail, IsNotEmpty, IsString, ValidateNested } from 'class-validator';
import { UserRole } from '../src/entities/users';

@InputType()
export class CreateInviteInput {
  @Field({ description: 'The email of the person invited.' }) @IsEmail() user!: string;
  @Field(() => UserRole) role!: UserRole;
}

@InputType()
export class InvitedUserInput {
  @Field(() => String, { nullable: true }) firstName?: string | null;
  @Field(() => String, { nullable: true }) lastName?: string | null;
  @Field() @IsString() password!: string;
}

@InputType()
export class AcceptInviteInput {
  @Field() @IsString() @IsNotEmpty() token!: string;
  @Field(() => InvitedUserInput) @IsNotEmpty() @ValidateNested() user!: InvitedUserInput;
}
