import { Field, InputType } from 'type-graphql';
import { IsNotEmpty, IsString } from 'class-validator';

@InputType()
export class AuthorizeAppInput {
  @Field() @IsString() @IsNotEmpty() applicationName!: string;
  @Field() @IsString() @IsNotEmpty() state!: string;
  @Field() @IsString() @IsNotEmpty() code!: string;
}
