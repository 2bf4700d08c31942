import type { Route } from './executor';

// Medusa reads notes with their author; a create or an update answers the saved row alone.
const NOTE_RELATIONS = ['author'];

export const routes: Route[] = [
  { method: 'GET', path: '/admin/notes', operation: 'notes', envelope: { list: 'notes' }, relations: NOTE_RELATIONS },
  { method: 'POST', path: '/admin/notes', operation: 'createNote', envelope: { one: 'note' } },
  { method: 'GET', path: '/admin/notes/:id', operation: 'note', envelope: { one: 'note' }, relations: NOTE_RELATIONS },
  { method: 'POST', path: '/admin/notes/:id', operation: 'updateNote', envelope: { one: 'note' } },
  { method: 'DELETE', path: '/admin/notes/:id', operation: 'deleteNote', envelope: 'raw' },
];
