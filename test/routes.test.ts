import { buildSchema, parse, validate } from 'graphql';
import fs from 'fs';
import path from 'path';
import { CONTRACT_OPERATIONS } from './contract';
import { routeModules } from '../src/registry';
import { compileRoute, documentText, Route } from '../rest/executor';
import { buildAppSchema, printAppSchema } from '../src/graphql';

/** `/admin/users/:id` and `/admin/users/{user_id}` have the same shape. */
const shape = (method: string, p: string) => `${method} ${p.replace(/\{[^}]+\}|:[A-Za-z_]+/g, '*')}`;

describe('route table', () => {
  it('serves only contract operations, each once, with documents valid against the schema', async () => {
    const schema = await buildAppSchema();
    const routes = routeModules<Route>();
    const contract = new Set(CONTRACT_OPERATIONS.map((op) => shape(op.split(' ')[0], op.split(' ')[1])));
    const served = new Set<string>();
    for (const route of routes) {
      const key = shape(route.method, route.path);
      expect({ route: key, inContract: contract.has(key) }).toEqual({ route: key, inContract: true });
      expect({ route: key, duplicate: served.has(key) }).toEqual({ route: key, duplicate: false });
      served.add(key);
      const compiled = compileRoute(schema, route);
      const required = compiled.field.args.filter((a) => a.type.toString().endsWith('!') && a.defaultValue === undefined).map((a) => a.name);
      const pathArgs = (route.path.match(/:[A-Za-z_]+/g) ?? []).map((p) => route.params?.[p.slice(1)] ?? p.slice(1).replace(/_([a-z])/g, (_, c) => c.toUpperCase()));
      for (const name of pathArgs) expect({ route: key, arg: name, exists: compiled.field.args.some((a) => a.name === name) }).toEqual({ route: key, arg: name, exists: true });
      const doc = documentText(compiled, [...new Set([...required, ...pathArgs])]);
      const errors = validate(schema, parse(doc));
      expect({ route: key, errors: errors.map((e) => e.message) }).toEqual({ route: key, errors: [] });
    }
    const missing = [...contract].filter((k) => !served.has(k));
    // eslint-disable-next-line no-console
    console.log(`served ${served.size}/${contract.size}${missing.length ? `; not yet: ${missing.length}` : ''}`);
    expect(contract.size).toBe(255);
  });
});

describe('printed schema', () => {
  it('matches schema/schema.graphql (run `npm run schema:print` after changing the API)', async () => {
    const printed = printAppSchema(await buildAppSchema());
    const file = fs.readFileSync(path.join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8');
    expect(printed).toBe(file);
    expect(() => buildSchema(file)).not.toThrow();
  });
});
