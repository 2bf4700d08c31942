import { userIdOf, type Context } from '../context';
import { Note } from '../entities/notes';
import { User } from '../entities/users';
import { AppError } from '../lib/errors';
import { findPage, ListSpec, PageArgs, whereOf } from '../lib/list';
import { DeleteResponse } from '../../schema/common';
import type { CreateNoteInput, NoteFilter, UpdateNoteInput } from '../../schema/notes';

/**
 * Medusa's note list has no ORDER BY: PostgreSQL answers in storage order, the order the notes
 * were written in. Oldest first is that order, made deterministic.
 */
const LIST: ListSpec = {
  orderable: ['createdAt', 'updatedAt'],
  searchable: ['value'],
  defaultOrder: { createdAt: 'asc' },
};

export function listNotes(ctx: Context, filter: NoteFilter | undefined, args: PageArgs) {
  return findPage(ctx, Note, whereOf(filter), args, LIST);
}

export async function retrieveNote(ctx: Context, id: string): Promise<Note> {
  const note = await ctx.em.findOne(Note, { id });
  // Medusa's note service ends this message with a full stop.
  if (!note) throw new AppError('not_found', `Note with id: ${id} was not found.`);
  return note;
}

/** The signed-in user is the author. Medusa starts every note with empty metadata (`{}`). */
export async function createNote(ctx: Context, input: CreateNoteInput): Promise<Note> {
  const note = ctx.em.create(Note, {
    value: input.value,
    resourceType: input.resourceType,
    resourceId: input.resourceId,
    author: ctx.em.getReference(User, userIdOf(ctx)),
    metadata: {},
  });
  await ctx.em.flush();
  return note;
}

export async function updateNote(ctx: Context, id: string, input: UpdateNoteInput): Promise<Note> {
  const note = await retrieveNote(ctx, id);
  note.value = input.value;
  await ctx.em.flush();
  return note;
}

export async function deleteNote(ctx: Context, id: string): Promise<DeleteResponse> {
  const note = await retrieveNote(ctx, id);
  note.deletedAt = new Date();
  await ctx.em.flush();
  return DeleteResponse.of(id, 'note');
}
