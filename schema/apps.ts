import { Field, InputType } from 'type-graphql';
import { IsNotEmpty } from 'class-validator';

@InputType()
export class AuthorizeAppInput {
  @Field() @IsNotEmpty() applicationName!: string;
  @Field() @IsNotEmpty() state!: string;
  @Field() @IsNotEmpty() code!: string;
}
