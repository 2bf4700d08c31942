import { Field, InputType, ObjectType } from 'type-graphql';
import { IsEmail, IsNotEmpty, IsString } from 'class-validator';

@InputType()
export class LoginInput {
  @Field() @IsEmail() @IsNotEmpty() email!: string;
  @Field() @IsString() @IsNotEmpty() password!: string;
}

@ObjectType({ description: 'A bearer token: send it as `Authorization: Bearer <token>`; valid 24 hours.' })
export class AccessToken {
  @Field() accessToken!: string;
}
