import { ArgsType, Field, InputType } from 'type-graphql';
import { IsNotEmpty, IsString } from 'class-validator';
import { ListArgs, PageOf } from './common';
import { Note } from '../src/entities/notes';

@InputType()
export class NoteFilter {
  @Field({ nullable: true, description: 'Notes on this record.' }) resourceId?: string;
}

@ArgsType()
export class NoteListArgs extends ListArgs(50) {
  @Field(() => NoteFilter, { nullable: true }) filter?: NoteFilter;
}

export const NoteList = PageOf(Note);

@InputType()
export class CreateNoteInput {
  @Field({ description: 'The id of the record the note is about.' }) @IsString() @IsNotEmpty() resourceId!: string;
  @Field({ description: 'The kind of record, e.g. `order` or `customer`.' }) @IsString() @IsNotEmpty() resourceType!: string;
  @Field() @IsString() @IsNotEmpty() value!: string;
}

@InputType()
export class UpdateNoteInput {
  @Field({ description: 'Required; may be empty, as in Medusa.' }) value!: string;
}
