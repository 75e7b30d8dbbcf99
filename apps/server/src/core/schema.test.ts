import fs from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createSchema, SCHEMA_FILE } from './schema';
import { createPubsub } from './pubsub';

/** type-graphql's emitSchemaFile puts a comment banner before the printed schema. */
const BANNER = /^(#[^\n]*\n)+\n?/;
const withoutBanner = (text: string) => text.replace(BANNER, '');

/** Where the two first differ, as a line number of the committed file. */
function firstDifference(built: string, file: string): string {
  const offset = (file.match(BANNER)?.[0] ?? '').split('\n').length - 1;
  const left = built.split('\n');
  const right = withoutBanner(file).split('\n');
  const i = left.findIndex((line, n) => line !== right[n]);
  const n = i === -1 ? left.length : i;
  return `line ${n + 1 + offset}: built ${JSON.stringify(left[n] ?? '<end>')}, committed ${JSON.stringify(right[n] ?? '<end>')}`;
}

describe('schema.graphql', () => {
  it('is the schema the server builds now', async () => {
    const built = printSchema(lexicographicSortSchema(await createSchema(createPubsub().pubSub)));
    const file = fs.readFileSync(SCHEMA_FILE, 'utf8');
    if (built !== withoutBanner(file)) {
      throw new Error(`apps/server/schema.graphql is stale (${firstDifference(built, file)}). Run \`pnpm schema\` to refresh it and commit the result.`);
    }
  });

  it('strips only the banner type-graphql writes', () => {
    expect(withoutBanner('# a\n# b\n\ntype Query {\n  a: Int\n}\n')).toBe('type Query {\n  a: Int\n}\n');
    expect(withoutBanner('type Query {\n  a: Int\n}\n')).toBe('type Query {\n  a: Int\n}\n');
  });
});
