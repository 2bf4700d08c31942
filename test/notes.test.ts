import { startApp, TestApp, errorType } from './helpers';
import { Note } from '../src/entities/notes';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

const countNotes = () => t.em().count(Note, {});
const NOTE = { resource_id: 'cus_1', resource_type: 'customer', value: 'Called about a refund' };

describe('REST /admin/notes', () => {
  let noteId: string;

  it('creates a note authored by the signed-in user', async () => {
    const res = await t.http.post('/admin/notes').set(t.auth).send(NOTE);
    expect(res.status).toBe(200);
    // Medusa answers the saved row: metadata starts as {}, the author comes with reads only.
    expect(res.body.note).toMatchObject({ ...NOTE, author_id: t.admin.id, deleted_at: null, metadata: {} });
    expect(res.body.note.author).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toMatch(/password|api_token/);
    expect(res.body.note.id).toMatch(/^note_[0-9A-Z]{26}$/);
    noteId = res.body.note.id;
    const stored = await t.em().findOneOrFail(Note, noteId);
    expect(stored.value).toBe(NOTE.value);
    expect(stored.author?.id).toBe(t.admin.id);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const before = await countNotes();
    for (const body of [{}, { ...NOTE, value: '' }, { ...NOTE, resource_id: undefined }, { ...NOTE, resource_type: undefined }, { ...NOTE, value: 3 }, { ...NOTE, author_id: 'usr_x' }]) {
      const res = await t.http.post('/admin/notes').set(t.auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('invalid_data');
    }
    expect(await countNotes()).toBe(before);
  });

  it('gets and updates a note; 404 for unknown ids', async () => {
    const got = await t.http.get(`/admin/notes/${noteId}`).set(t.auth);
    expect(got.body.note).toMatchObject({ id: noteId, value: NOTE.value, author: { id: t.admin.id } });
    const upd = await t.http.post(`/admin/notes/${noteId}`).set(t.auth).send({ value: 'Refund sent' });
    expect(upd.status).toBe(200);
    expect(upd.body.note).toMatchObject({ value: 'Refund sent', resource_id: 'cus_1' });
    expect(upd.body.note.author).toBeUndefined();
    expect((await t.em().findOneOrFail(Note, noteId)).value).toBe('Refund sent');
    // Medusa only asks for a string: an empty value is accepted.
    const emptied = await t.http.post(`/admin/notes/${noteId}`).set(t.auth).send({ value: '' });
    expect(emptied.status).toBe(200);
    expect((await t.em().findOneOrFail(Note, noteId)).value).toBe('');
    await t.http.post(`/admin/notes/${noteId}`).set(t.auth).send({ value: 'Refund sent' });
    expect((await t.http.post(`/admin/notes/${noteId}`).set(t.auth).send({})).status).toBe(400);
    expect((await t.http.post(`/admin/notes/${noteId}`).set(t.auth).send({ value: 3 })).status).toBe(400);
    expect((await t.http.post(`/admin/notes/${noteId}`).set(t.auth).send({ value: 'x', resource_id: 'y' })).status).toBe(400);
    expect((await t.em().findOneOrFail(Note, noteId)).value).toBe('Refund sent');
    expect((await t.http.get('/admin/notes/note_missing').set(t.auth)).body).toEqual({ type: 'not_found', message: 'Note with id: note_missing was not found.' });
    expect((await t.http.post('/admin/notes/note_missing').set(t.auth).send({ value: 'x' })).status).toBe(404);
  });

  it('lists by resource_id with paging', async () => {
    await t.http.post('/admin/notes').set(t.auth).send({ ...NOTE, value: 'Second' });
    await t.http.post('/admin/notes').set(t.auth).send({ ...NOTE, resource_id: 'order_1', resource_type: 'order' });
    const all = await t.http.get('/admin/notes').set(t.auth);
    expect(all.body).toMatchObject({ count: 3, offset: 0, limit: 50 });
    expect(all.body.notes[0].author.id).toBe(t.admin.id);
    // The author is a user as Medusa answers one: api_token is there, always null; no password hash.
    expect(all.body.notes[0].author.api_token).toBeNull();
    expect(JSON.stringify(all.body)).not.toMatch(/password/);
    const mine = await t.http.get('/admin/notes?resource_id=cus_1').set(t.auth);
    // No ORDER BY in Medusa: notes come in the order they were written.
    expect(mine.body.notes.map((n: any) => n.value)).toEqual(['Refund sent', 'Second']);
    const page = await t.http.get('/admin/notes?resource_id=cus_1&limit=1&offset=1').set(t.auth);
    expect(page.body).toMatchObject({ count: 2, offset: 1, limit: 1 });
    expect(page.body.notes.map((n: any) => n.value)).toEqual(['Second']);
    expect((await t.http.get('/admin/notes?limit=x').set(t.auth)).status).toBe(400);
    expect((await t.http.get('/admin/notes?author_id=x').set(t.auth)).status).toBe(400);
    // Medusa's list takes resource_id, limit and offset only.
    expect((await t.http.get('/admin/notes?q=x&expand=author').set(t.auth)).body).toEqual({ type: 'invalid_data', message: 'property q should not exist, property expand should not exist' });
  });

  it('costs a fixed number of queries for a page with authors', async () => {
    for (let i = 0; i < 6; i++) await t.http.post('/admin/notes').set(t.auth).send({ ...NOTE, value: `Bulk ${i}` });
    const list = (limit: number) => t.http.get(`/admin/notes?limit=${limit}`).set(t.auth);
    expect(await t.countQueries(() => list(2))).toBe(await t.countQueries(() => list(20)));
  });

  it('deletes softly; 404 for unknown ids', async () => {
    const del = await t.http.delete(`/admin/notes/${noteId}`).set(t.auth);
    expect(del.body).toEqual({ id: noteId, object: 'note', deleted: true });
    expect((await t.http.get(`/admin/notes/${noteId}`).set(t.auth)).status).toBe(404);
    expect((await t.http.get('/admin/notes?resource_id=cus_1').set(t.auth)).body.notes.map((n: any) => n.id)).not.toContain(noteId);
    expect((await t.em().findOneOrFail(Note, noteId, { filters: false })).deletedAt).toBeInstanceOf(Date);
    const again = await t.http.delete(`/admin/notes/${noteId}`).set(t.auth);
    expect(again.status).toBe(404);
    expect(again.body).toEqual({ type: 'not_found', message: `Note with id: ${noteId} was not found.` });
  });

  it('answers 401 text/plain without credentials', async () => {
    for (const [method, path] of [['get', '/admin/notes'], ['post', '/admin/notes'], ['get', `/admin/notes/${noteId}`], ['post', `/admin/notes/${noteId}`], ['delete', `/admin/notes/${noteId}`]] as const) {
      const res = await (t.http as any)[method](path).send({});
      expect(res.status).toBe(401);
      expect(res.text).toBe('Unauthorized');
    }
  });
});

describe('GraphQL notes', () => {
  it('runs every operation', async () => {
    const created = await t.gql(`mutation { createNote(input: { resourceId: "gql_1", resourceType: "order", value: "Hi" }) { id value authorId author { email } } }`);
    expect(created.errors).toBeUndefined();
    const { id } = created.data.createNote;
    expect(created.data.createNote).toMatchObject({ value: 'Hi', authorId: t.admin.id, author: { email: t.admin.email } });
    const updated = await t.gql(`mutation($id: String!) { updateNote(id: $id, input: { value: "Hello" }) { value } }`, { id });
    expect(updated.data.updateNote.value).toBe('Hello');
    const got = await t.gql(`query($id: String!) { note(id: $id) { resourceId resourceType } }`, { id });
    expect(got.data.note).toEqual({ resourceId: 'gql_1', resourceType: 'order' });
    const list = await t.gql(`{ notes(filter: { resourceId: "gql_1" }) { items { id } count limit } }`);
    expect(list.data.notes).toEqual({ items: [{ id }], count: 1, limit: 50 });
    const deleted = await t.gql(`mutation($id: String!) { deleteNote(id: $id) { id object deleted } }`, { id });
    expect(deleted.data.deleteNote).toEqual({ id, object: 'note', deleted: true });
  });

  it('reports bad input, unknown ids and missing credentials', async () => {
    const before = await countNotes();
    expect(errorType(await t.gql(`mutation { createNote(input: { resourceId: "a", resourceType: "b", value: "" }) { id } }`))).toBe('invalid_data');
    expect(errorType(await t.gql(`mutation { createNote(input: { resourceId: "a", resourceType: "b", value: "v" }) { id } }`, {}, {}))).toBe('unauthorized');
    expect(await countNotes()).toBe(before);
    const missing = await t.gql(`{ note(id: "note_missing") { id } }`);
    expect(errorType(missing)).toBe('not_found');
    expect(missing.errors?.[0].message).toBe('Note with id: note_missing was not found.');
    expect(errorType(await t.gql(`mutation { updateNote(id: "note_missing", input: { value: "x" }) { id } }`))).toBe('not_found');
    expect(errorType(await t.gql(`mutation { deleteNote(id: "note_missing") { id } }`))).toBe('not_found');
    expect(errorType(await t.gql(`{ notes { count } }`, {}, {}))).toBe('unauthorized');
  });
});
