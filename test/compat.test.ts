// Replays every compatibility scenario of test/compat/ against Aegis and compares each answer with
// the real Medusa v1 server's, recorded beside the scenario (test/compat/record.ts). A step marked
// `differs` is a difference chosen on purpose (the README lists them) and is not compared.
import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { startApp, TestApp } from './helpers';
import { Answer, differences, label, runScenario, Send, Step } from './compat/compat';
import { createUser } from '../src/services/users';
import { UserRole } from '../src/entities/users';

const DIR = path.join(__dirname, 'compat');
const scenarios = fs.readdirSync(DIR).filter((f) => f.endsWith('.json') && !f.endsWith('.oracle.json')).sort();

it('has a recording of the real server for every scenario, step for step', () => {
  for (const file of scenarios) {
    const steps = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as Step[];
    const recording = path.join(DIR, file.replace(/\.json$/, '.oracle.json'));
    expect({ file, recorded: fs.existsSync(recording) }).toEqual({ file, recorded: true });
    expect({ file, steps: (JSON.parse(fs.readFileSync(recording, 'utf8')) as Answer[]).length }).toEqual({ file, steps: steps.length });
  }
});

for (const file of scenarios) describe(file, () => {
  let t: TestApp;
  beforeAll(async () => { t = await startApp(); });
  afterAll(() => t.close());

  it('answers as the real server does', async () => {
    const steps = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as Step[];
    const recorded = JSON.parse(fs.readFileSync(path.join(DIR, file.replace(/\.json$/, '.oracle.json')), 'utf8')) as Answer[];
    // The scenarios sign in as the real server's admin; the same user exists here.
    const ctx = t.ctx();
    await ctx.em.transactional(async (em) => { ctx.em = em as any; await createUser(ctx, { email: 'admin@medusa-test.com', password: 'supersecret', role: UserRole.admin }); });
    const token = (await request(t.server.app).post('/admin/auth/token').send({ email: 'admin@medusa-test.com', password: 'supersecret' })).body.access_token;
    const send: Send = async (method, url, headers, body) => {
      let req = request(t.server.app)[method.toLowerCase() as 'get' | 'post' | 'delete'](url).set(headers);
      if (body !== undefined) req = req.send(body);
      const res = await req;
      return { status: res.status, text: res.text };
    };
    const ours = await runScenario(steps, send, token);
    const report = steps
      .map((step, i) => ({ step: label(step), problems: step.differs ? [] : differences(recorded[i], ours[i]) }))
      .filter((r) => r.problems.length);
    expect(report).toEqual([]);
  }, 300_000); // a lifecycle scenario is hundreds of requests: minutes on a busy 2-core machine
});
