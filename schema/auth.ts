import { Field, InputType, ObjectType } from 'type-graphql';
import { IsEmail, IsNotEmpty } from 'class-validator';

@InputType()
export class LoginInput {
  @Field() @IsEmail() email!: string;
  @Field() @IsNotEmpty() password!: string;
}

@ObjectType({ description: 'A bearer token: send it as `Authorization: Bearer <token>`; valid 24 hours.' })
export class AccessToken {
  @Field() accessToken!: string;
}
