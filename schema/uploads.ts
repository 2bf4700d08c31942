import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A URL that reads a stored file for a limited time.' })
export class DownloadUrl {
  @Field() downloadUrl!: string;
}
