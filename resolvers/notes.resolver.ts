import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { Note } from '../src/entities/notes';
import { User } from '../src/entities/users';
import * as notes from '../src/services/notes';
import { DeleteResponse } from '../schema/common';
import { CreateNoteInput, NoteList, NoteListArgs, UpdateNoteInput } from '../schema/notes';

@Resolver(() => Note)
export class NotesResolver {
  @Query(() => NoteList, { description: 'Notes, optionally those on one record.' })
  notes(@Args() { filter, ...page }: NoteListArgs, @Ctx() ctx: Context) {
    return notes.listNotes(ctx, filter, page);
  }

  @Query(() => Note)
  note(@Arg('id') id: string, @Ctx() ctx: Context) {
    return notes.retrieveNote(ctx, id);
  }

  @Mutation(() => Note, { description: 'Adds a note written by the signed-in user.' })
  createNote(@Arg('input') input: CreateNoteInput, @Ctx() ctx: Context) {
    return notes.createNote(ctx, input);
  }

  @Mutation(() => Note)
  updateNote(@Arg('id') id: string, @Arg('input') input: UpdateNoteInput, @Ctx() ctx: Context) {
    return notes.updateNote(ctx, id, input);
  }

  @Mutation(() => DeleteResponse)
  deleteNote(@Arg('id') id: string, @Ctx() ctx: Context) {
    return notes.deleteNote(ctx, id);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The author; null once that user is deleted.' })
  author(@Root() root: Note, @Ctx() ctx: Context) {
    return root.author ? ctx.loaders.byId(User, root.author.id) : null;
  }
}
