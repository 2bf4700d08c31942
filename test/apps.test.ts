import { startApp, TestApp, errorType } from './helpers';
import { registerApp } from '../src/services/apps';
import { OAuthApp } from '../src/entities/apps';

let t: TestApp;
const exchanges: string[] = [];
beforeAll(async () => {
  t = await startApp();
  // An app as a plugin would install it: its token exchange is code, its row is data.
  await registerApp(t.em(), {
    applicationName: 'test-erp',
    displayName: 'Test ERP',
    installUrl: 'https://erp.example/install',
    async generateToken(code, state) {
      exchanges.push(`${code}/${state}`);
      return { access_token: `erp-${code}`, state };
    },
  });
});
afterAll(() => t.close());

describe('REST /admin/apps', () => {
  it('lists installed apps', async () => {
    const res = await t.http.get('/admin/apps').set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body.apps).toEqual([{
      id: expect.stringMatching(/^oauth_/), display_name: 'Test ERP', application_name: 'test-erp',
      install_url: 'https://erp.example/install', uninstall_url: null, data: null,
    }]);
  });

  it('authorizes an app: its exchange runs and the result is stored', async () => {
    const res = await t.http.post('/admin/apps/authorizations').set(t.auth).send({ application_name: 'test-erp', state: 's1', code: 'c1' });
    expect(res.status).toBe(200);
    expect(res.body.apps).toMatchObject({ application_name: 'test-erp', data: { access_token: 'erp-c1', state: 's1' } });
    expect(exchanges).toEqual(['c1/s1']);
    expect((await t.em().findOneOrFail(OAuthApp, { applicationName: 'test-erp' })).data).toEqual({ access_token: 'erp-c1', state: 's1' });
  });

  it('refuses bad input (400) and unknown apps (404), changing nothing', async () => {
    for (const body of [{ application_name: 'test-erp', state: 's' }, { application_name: 'test-erp', state: 's', code: '' }, { application_name: 'test-erp', state: 's', code: 'c', x: 1 }]) {
      expect((await t.http.post('/admin/apps/authorizations').set(t.auth).send(body)).status).toBe(400);
    }
    const missing = await t.http.post('/admin/apps/authorizations').set(t.auth).send({ application_name: 'nope', state: 's', code: 'c' });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ type: 'not_found', message: 'Oauth application nope not found' });
    // class-validator's words for missing values, as Medusa's request class has them.
    expect((await t.http.post('/admin/apps/authorizations').set(t.auth).send({ application_name: 'test-erp', state: 's' })).body.message).toBe('code should not be empty, code must be a string');
    expect(exchanges).toEqual(['c1/s1']);
  });

  it('answers 401 without credentials', async () => {
    expect((await t.http.get('/admin/apps')).status).toBe(401);
    expect((await t.http.post('/admin/apps/authorizations').send({ application_name: 'test-erp', state: 's', code: 'c' })).text).toBe('Unauthorized');
    expect(exchanges).toEqual(['c1/s1']);
  });
});

describe('GraphQL apps', () => {
  it('lists and authorizes', async () => {
    const list = await t.gql('{ apps { applicationName displayName } }');
    expect(list.data.apps).toEqual([{ applicationName: 'test-erp', displayName: 'Test ERP' }]);
    const auth = await t.gql('mutation { authorizeApp(input: { applicationName: "test-erp", state: "s2", code: "c2" }) { data } }');
    expect(auth.data.authorizeApp.data).toEqual({ access_token: 'erp-c2', state: 's2' });
  });

  it('reports bad input, unknown apps and missing credentials', async () => {
    expect(errorType(await t.gql('mutation { authorizeApp(input: { applicationName: "test-erp", state: "", code: "c" }) { id } }'))).toBe('invalid_data');
    expect(errorType(await t.gql('mutation { authorizeApp(input: { applicationName: "nope", state: "s", code: "c" }) { id } }'))).toBe('not_found');
    expect(errorType(await t.gql('{ apps { id } }', {}, {}))).toBe('unauthorized');
    expect(exchanges).toEqual(['c1/s1', 'c2/s2']);
  });
});
