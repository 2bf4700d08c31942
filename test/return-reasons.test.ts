import { startApp, TestApp, errorType } from './helpers';
import { ReturnReason } from '../src/entities/return-reasons';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

const liveCount = () => t.em().count(ReturnReason, {});
const create = (body: Record<string, unknown>) => t.http.post('/admin/return-reasons').set(t.auth).send(body);

describe('REST /admin/return-reasons', () => {
  let parentId: string;
  let childId: string;

  it('creates a reason with every column and the default relations', async () => {
    const res = await create({ value: 'damaged', label: 'Damaged', description: 'Arrived broken', metadata: { camelKey: 1 } });
    expect(res.status).toBe(200);
    expect(res.body.return_reason).toMatchObject({
      value: 'damaged', label: 'Damaged', description: 'Arrived broken', parent_return_reason_id: null,
      parent_return_reason: null, return_reason_children: [], deleted_at: null,
    });
    // As Medusa's, the answer's columns leave metadata out; it is stored.
    expect(res.body.return_reason).not.toHaveProperty('metadata');
    expect(res.body.return_reason.id).toMatch(/^rr_[0-9A-Z]{26}$/);
    parentId = res.body.return_reason.id;
    const created = await t.em().findOneOrFail(ReturnReason, parentId);
    expect([created.label, created.metadata]).toEqual(['Damaged', { camelKey: 1 }]);
  });

  it('nests one level of children', async () => {
    const res = await create({ value: 'damaged_box', label: 'Box damaged', parent_return_reason_id: parentId });
    expect(res.status).toBe(200);
    expect(res.body.return_reason).toMatchObject({ parent_return_reason_id: parentId, parent_return_reason: { id: parentId, value: 'damaged' } });
    childId = res.body.return_reason.id;
    const parent = await t.http.get(`/admin/return-reasons/${parentId}`).set(t.auth);
    expect(parent.body.return_reason.return_reason_children.map((c: any) => c.id)).toEqual([childId]);
  });

  it('refuses bad input with 400, a second nesting level, duplicates with 422; writes nothing', async () => {
    const before = await liveCount();
    for (const body of [{ label: 'x' }, { value: 'x' }, { value: '', label: 'x' }, { value: 'x', label: 'x', hacker: 1 }, { value: 'x', label: 'x', metadata: 'no' }]) {
      const res = await create(body);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('invalid_data');
    }
    const doubly = await create({ value: 'deeper', label: 'Deeper', parent_return_reason_id: childId });
    expect(doubly.status).toBe(400);
    expect(doubly.body).toEqual({ type: 'invalid_data', message: 'Doubly nested return reasons is not supported' });
    const dup = await create({ value: 'damaged', label: 'Again' });
    expect(dup.status).toBe(422);
    expect(dup.body).toMatchObject({ type: 'duplicate_error', message: 'Return_reason with value damaged already exists.' });
    const orphan = await create({ value: 'orphan', label: 'Orphan', parent_return_reason_id: 'rr_missing' });
    expect(orphan.status).toBe(404);
    expect(await liveCount()).toBe(before);
  });

  it('updates (metadata merged, value kept unique) and 404s', async () => {
    const upd = await t.http.post(`/admin/return-reasons/${parentId}`).set(t.auth).send({ label: 'Damaged item', description: null, metadata: { camelKey: '', other: 2 } });
    expect(upd.status).toBe(200);
    expect(upd.body.return_reason).toMatchObject({ label: 'Damaged item', description: null, return_reason_children: [{ id: childId }] });
    const stored = await t.em().findOneOrFail(ReturnReason, parentId);
    expect([stored.label, stored.metadata]).toEqual(['Damaged item', { other: 2 }]);

    const dup = await t.http.post(`/admin/return-reasons/${childId}`).set(t.auth).send({ value: 'damaged' });
    expect(dup.status).toBe(422);
    const same = await t.http.post(`/admin/return-reasons/${parentId}`).set(t.auth).send({ value: 'damaged' });
    expect(same.status).toBe(200);
    expect((await t.http.post(`/admin/return-reasons/${parentId}`).set(t.auth).send({ parent_return_reason_id: childId })).status).toBe(400);
    expect((await t.http.post(`/admin/return-reasons/${parentId}`).set(t.auth).send({ label: '' })).status).toBe(400);
    const missing = await t.http.post('/admin/return-reasons/rr_missing').set(t.auth).send({ label: 'x' });
    expect(missing.status).toBe(404);
    // Medusa's wording for return reasons ends with a full stop.
    expect(missing.body).toEqual({ type: 'not_found', message: 'Return Reason with id: rr_missing was not found.' });
    expect((await t.http.get('/admin/return-reasons/rr_missing').set(t.auth)).status).toBe(404);
  });

  it('lists the top-level reasons with their children, unpaged', async () => {
    const other = await create({ value: 'wrong_size', label: 'Wrong size' });
    const res = await t.http.get('/admin/return-reasons').set(t.auth);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['return_reasons']);
    expect(res.body.return_reasons.map((r: any) => r.id)).toEqual([other.body.return_reason.id, parentId]);
    expect(res.body.return_reasons[1].return_reason_children.map((c: any) => c.value)).toEqual(['damaged_box']);
    // Medusa's handler reads no query string: parameters change nothing.
    expect((await t.http.get('/admin/return-reasons?limit=5&expand=nothing').set(t.auth)).body).toEqual(res.body);
  });

  it('costs a fixed number of queries whatever the number of reasons', async () => {
    const few = await t.countQueries(() => t.http.get('/admin/return-reasons').set(t.auth));
    for (let i = 0; i < 6; i++) {
      const p = await create({ value: `p${i}`, label: `P${i}` });
      await create({ value: `c${i}`, label: `C${i}`, parent_return_reason_id: p.body.return_reason.id });
    }
    const many = await t.countQueries(() => t.http.get('/admin/return-reasons').set(t.auth));
    expect(many).toBe(few);
  });

  it('deletes softly with the children; a second delete is 404; the value is free again', async () => {
    const del = await t.http.delete(`/admin/return-reasons/${parentId}`).set(t.auth);
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ id: parentId, object: 'return_reason', deleted: true });
    expect((await t.http.get(`/admin/return-reasons/${childId}`).set(t.auth)).status).toBe(404);
    const rows = await t.em().find(ReturnReason, { id: [parentId, childId] }, { filters: { softDelete: false } });
    expect(rows.every((r) => r.deletedAt instanceof Date)).toBe(true);
    expect((await t.http.delete(`/admin/return-reasons/${parentId}`).set(t.auth)).status).toBe(404);
    expect((await create({ value: 'damaged', label: 'Damaged' })).status).toBe(200);
  });

  it('answers 401 text/plain without credentials', async () => {
    for (const [method, path] of [['get', '/admin/return-reasons'], ['post', '/admin/return-reasons'], ['get', '/admin/return-reasons/rr_1'], ['post', '/admin/return-reasons/rr_1'], ['delete', '/admin/return-reasons/rr_1']] as const) {
      const res = await (t.http as any)[method](path).send({});
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/text\/plain/);
    }
  });
});

describe('GraphQL return reasons', () => {
  const FIELDS = 'id value label description parentReturnReasonId metadata parentReturnReason { id } returnReasonChildren { id value }';

  it('creates, reads, updates, lists and deletes', async () => {
    const created = await t.gql(`mutation($input: CreateReturnReasonInput!) { createReturnReason(input: $input) { ${FIELDS} } }`, { input: { value: 'gql', label: 'GQL' } });
    expect(created.errors).toBeUndefined();
    const id = created.data.createReturnReason.id;
    const child = await t.gql(`mutation($input: CreateReturnReasonInput!) { createReturnReason(input: $input) { ${FIELDS} } }`, { input: { value: 'gql_child', label: 'Child', parentReturnReasonId: id } });
    expect(child.data.createReturnReason.parentReturnReason).toEqual({ id });

    const got = await t.gql(`query($id: String!) { returnReason(id: $id) { ${FIELDS} } }`, { id });
    expect(got.data.returnReason.returnReasonChildren).toEqual([{ id: child.data.createReturnReason.id, value: 'gql_child' }]);

    const upd = await t.gql(`mutation($id: String!, $input: UpdateReturnReasonInput!) { updateReturnReason(id: $id, input: $input) { label metadata } }`, { id, input: { label: 'Changed', metadata: { a: 1 } } });
    expect(upd.data.updateReturnReason).toEqual({ label: 'Changed', metadata: { a: 1 } });

    const list = await t.gql('{ returnReasons { id } }');
    expect(list.data.returnReasons.map((r: any) => r.id)).toContain(id);
    expect(list.data.returnReasons.map((r: any) => r.id)).not.toContain(child.data.createReturnReason.id);

    const del = await t.gql('mutation($id: String!) { deleteReturnReason(id: $id) { id object deleted } }', { id });
    expect(del.data.deleteReturnReason).toEqual({ id, object: 'return_reason', deleted: true });
  });

  it('reports bad input, unknown ids and missing credentials', async () => {
    const bad = await t.gql('mutation { createReturnReason(input: { value: "", label: "x" }) { id } }');
    expect(bad.errors).toBeDefined();
    expect(errorType(await t.gql('{ returnReason(id: "rr_missing") { id } }'))).toBe('not_found');
    expect(errorType(await t.gql('mutation { deleteReturnReason(id: "rr_missing") { id } }'))).toBe('not_found');
    const anon = await t.gql('{ returnReasons { id } }', {}, {});
    expect(errorType(anon)).toBe('unauthorized');
  });
});
