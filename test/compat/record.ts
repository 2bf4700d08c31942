/**
 * Records the real Medusa v1 server's answers to compatibility scenarios, and compares a running
 * Aegis with them (a development instrument: the tests replay the recordings without it).
 *
 *   node -r @swc-node/register test/compat/record.ts --oracle http://localhost:9100 --aegis http://localhost:9300 test/compat/users.json
 *   node -r @swc-node/register test/compat/record.ts --aegis http://localhost:9300 --check test/compat/*.json
 *
 * --oracle URL   the real server (default $ORACLE_URL or http://localhost:9000); its answers are
 *                written to `<scenario>.oracle.json` unless --check is given
 * --aegis URL    also run the scenario on a running Aegis and print each step's differences
 * --check        do not ask the real server: compare Aegis with the stored recording
 * Both servers need the admin user admin@medusa-test.com / supersecret (on Aegis:
 * `npx aegis user --email admin@medusa-test.com --password supersecret`).
 */
import fs from 'fs';
import { Answer, differences, label, runScenario, Send, Step } from './compat';

const EMAIL = 'admin@medusa-test.com';
const PASSWORD = 'supersecret';

function sender(base: string): Send {
  return async (method, url, headers, body) => {
    const res = await fetch(`${base}${url}`, { method, headers, body });
    return { status: res.status, text: await res.text() };
  };
}

async function tokenOf(base: string): Promise<string> {
  const res = await fetch(`${base}/admin/auth/token`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  const body = (await res.json().catch(() => null)) as { access_token?: string } | null;
  if (!body?.access_token) throw new Error(`${base}: cannot sign in as ${EMAIL} (${res.status})`);
  return body.access_token;
}

export const recordingOf = (file: string) => file.replace(/\.json$/, '.oracle.json');

async function main(argv: string[]) {
  const opt = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return undefined;
    const [, value] = argv.splice(i, 2);
    return value;
  };
  const check = argv.includes('--check');
  argv = argv.filter((a) => a !== '--check');
  const oracle = (opt('oracle') ?? process.env.ORACLE_URL ?? 'http://localhost:9000').replace(/\/+$/, '');
  const aegis = opt('aegis')?.replace(/\/+$/, '');
  if (!argv.length || (check && !aegis)) {
    console.error('usage: record.ts [--oracle URL] [--aegis URL] [--check] scenario.json ...');
    process.exit(2);
  }
  let steps = 0;
  let differ = 0;
  for (const file of argv.filter((f) => !f.endsWith('.oracle.json'))) {
    const scenario = JSON.parse(fs.readFileSync(file, 'utf8')) as Step[];
    let theirs: Answer[];
    if (check) theirs = JSON.parse(fs.readFileSync(recordingOf(file), 'utf8'));
    else {
      theirs = await runScenario(scenario, sender(oracle), await tokenOf(oracle));
      fs.writeFileSync(recordingOf(file), JSON.stringify(theirs, null, 1) + '\n');
    }
    console.log(`# ${file}: ${scenario.length} steps`);
    if (!aegis) continue;
    const ours = await runScenario(scenario, sender(aegis), await tokenOf(aegis));
    scenario.forEach((step, i) => {
      steps++;
      const problems = differences(theirs[i], ours[i]);
      if (!problems.length) return console.log(`  same  ${label(step)}  ${ours[i].status}`);
      if (step.differs) return console.log(`  chose ${label(step)}  (${step.differs})`);
      differ++;
      console.log(`  DIFF  ${label(step)}`);
      for (const p of problems) console.log(`        ${p}`);
    });
  }
  if (aegis) console.log(`${steps} steps: ${steps - differ} same or chosen, ${differ} differ`);
  process.exit(differ ? 1 : 0);
}

if (require.main === module) main(process.argv.slice(2)).catch((err) => { console.error(err); process.exit(2); });
