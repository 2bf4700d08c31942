import type { Route } from './executor';

// Medusa reads notes with their author; a create or an update answers the saved row alone. Only
// the list reads the query string, and it takes just resource_id, limit and offset.
const NOTE_RELATIONS = ['author'];

export const routes: Route[] = [
  { method: 'GET', path: '/admin/notes', operation: 'notes', envelope: { list: 'notes' }, relations: NOTE_RELATIONS, queryParams: ['resource_id', 'limit', 'offset'] },
  { method: 'POST', path: '/admin/notes', operation: 'createNote', envelope: { one: 'note' }, ignoresQuery: true },
  { method: 'GET', path: '/admin/notes/:id', operation: 'note', envelope: { one: 'note' }, relations: NOTE_RELATIONS, ignoresQuery: true },
  { method: 'POST', path: '/admin/notes/:id', operation: 'updateNote', envelope: { one: 'note' }, ignoresQuery: true },
  { method: 'DELETE', path: '/admin/notes/:id', operation: 'deleteNote', envelope: 'raw', ignoresQuery: true },
];
