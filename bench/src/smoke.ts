import fs from 'node:fs';
import path from 'node:path';
import { ALL_SCENARIOS, parseArgs, READ_SCENARIOS, runBench } from './run';

/**
 * CI's smoke run: the generator at scale 0.01 and every scenario a few times, against PostgreSQL
 * (DATABASE_URL, default the local server). Fails on any error: a GraphQL error, an API answer that differs
 * from its SQL floor's, an event number issued twice, a push that never arrived, a missing scenario.
 * Results go to bench/.data/smoke (ignored by git), not bench/results.
 */
async function main() {
  const t0 = performance.now();
  const options = parseArgs(
    ['--scale', '0.01', '--iterations', '3', '--warmup', '1', '--duration', '0', '--subscribers', '100', '--push-rounds', '1', '--out', path.resolve(__dirname, '../.data/smoke'), ...process.argv.slice(2).filter((a) => a !== '--verbose')],
    { ...process.env, INIT_CWD: process.cwd() },
  );
  options.quiet = !process.argv.includes('--verbose');
  const { results, files } = await runBench(options);
  const problems = [...results.errors];
  const expectedReads = READ_SCENARIOS.filter((s) => options.scenarios.includes(s.name)).length;
  for (const s of READ_SCENARIOS.filter((x) => options.scenarios.includes(x.name))) {
    if (!results.reads.some((r) => r.scenario === s.name)) problems.push(`scenario ${s.name} produced no result`);
  }
  if (options.scenarios.includes('create') && !results.create?.created) problems.push('scenario create made no event');
  if (options.scenarios.includes('push') && !results.push?.delivered) problems.push('scenario push delivered nothing');
  for (const f of [files.json, files.md]) if (!fs.existsSync(f)) problems.push(`${f} was not written`);
  const seconds = (performance.now() - t0) / 1000;
  const reads = results.reads.length;
  console.log(
    `bench smoke: scale ${results.scale}, ${Object.values(results.dataset.rows).reduce((a, b) => a + b, 0)} rows loaded in ${results.dataset.loadSeconds.total} s, ` +
      `${reads} read operations in ${expectedReads} scenarios${results.create ? `, ${results.create.created} events created` : ''}` +
      `${results.push ? `, ${results.push.delivered}/${results.push.expected} pushes` : ''} (of ${ALL_SCENARIOS.length} scenarios: ${options.scenarios.join(', ')})`,
  );
  console.log(`bench smoke: ${problems.length ? `FAILED (${problems.length} problems)` : 'ok'} in ${seconds.toFixed(1)} s`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(problems.length ? 1 : 0);
}

main().catch((err) => {
  console.error('bench smoke: FAILED', err);
  process.exit(1);
});
