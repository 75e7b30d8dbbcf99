import fs from 'node:fs';
import { isInputObjectType, isInterfaceType, isObjectType, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
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

/**
 * Every type, field, argument and input field of ours with its description, or the reason it has none. The design
 * promises integrators a described API; a placeholder ("message", "each") is as bad as none.
 */
function undescribed(schema: GraphQLSchema): string[] {
  const bad = (d: string | null | undefined) => !d || d.trim().length < 4 || /^[a-z]+$/.test(d.trim());
  const out: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (!isObjectType(type) && !isInterfaceType(type) && !isInputObjectType(type)) continue;
    const root = ['Query', 'Mutation', 'Subscription'].includes(type.name);
    if (!root && bad(type.description)) out.push(`${type.name}: ${JSON.stringify(type.description ?? null)}`);
    for (const field of Object.values(type.getFields())) {
      if (bad(field.description)) out.push(`${type.name}.${field.name}: ${JSON.stringify(field.description ?? null)}`);
      for (const arg of 'args' in field ? field.args : []) {
        if (bad(arg.description)) out.push(`${type.name}.${field.name}(${arg.name}): ${JSON.stringify(arg.description ?? null)}`);
      }
    }
  }
  return out;
}

describe('descriptions', () => {
  it('every type, field and argument of the API says what it is', async () => {
    expect(undescribed(await createSchema(createPubsub().pubSub))).toEqual([]);
  });
});
