import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { badInput, DomainError, formatError } from './errors';

const REQUEST_ID = 'req-1';

/** What Apollo hands the formatter: its own rendering of the error, and the error itself. */
function format(error: GraphQLError, extensions: Record<string, unknown> = { code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR' }) {
  const formatted: GraphQLFormattedError = { message: error.message, path: error.path, extensions };
  const unexpected: unknown[] = [];
  const out = formatError(formatted, error, REQUEST_ID, (err) => unexpected.push(err));
  return { out, wire: JSON.parse(JSON.stringify(out)), unexpected };
}

describe('formatError', () => {
  it('shows an unknown error only as a code and the request id, and hands it to the logger', () => {
    const secret = new Error('duplicate key value violates unique constraint "users_email_key"');
    const { wire, unexpected } = format(new GraphQLError(secret.message, { originalError: secret, path: ['createUser'] }), {
      code: 'INTERNAL_SERVER_ERROR',
      stacktrace: secret.stack?.split('\n'),
    });
    expect(wire).toEqual({
      message: `Internal error; quote request id ${REQUEST_ID} when reporting it`,
      path: ['createUser'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: REQUEST_ID },
    });
    expect(unexpected).toEqual([secret]);
  });

  it("keeps a domain error's message, code and details", () => {
    const err = badInput('inn', 'The INN checksum is wrong', 'INN_CHECKSUM');
    const { wire, unexpected } = format(new GraphQLError(err.message, { originalError: err, path: ['createCounterparty'] }));
    expect(wire).toEqual({
      message: 'The INN checksum is wrong',
      path: ['createCounterparty'],
      extensions: { code: 'BAD_USER_INPUT', field: 'inn', reason: 'INN_CHECKSUM', requestId: REQUEST_ID },
    });
    expect(unexpected).toEqual([]);
  });

  it('keeps extra details of a coded domain error', () => {
    const err = new DomainError('CONFLICT', 'Changed meanwhile', { currentVersion: 3 });
    expect(format(new GraphQLError(err.message, { originalError: err })).wire.extensions).toEqual({ code: 'CONFLICT', currentVersion: 3, requestId: REQUEST_ID });
  });

  it('keeps coded errors of the GraphQL layer, dropping any stack trace', () => {
    const err = new GraphQLError('Syntax Error: Expected Name', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    const { wire, unexpected } = format(err, { code: 'GRAPHQL_PARSE_FAILED', stacktrace: ['GraphQLError: Syntax Error', '    at parse (graphql/language/parser.js:1:1)'] });
    expect(wire).toEqual({ message: 'Syntax Error: Expected Name', extensions: { code: 'GRAPHQL_PARSE_FAILED', requestId: REQUEST_ID } });
    expect(unexpected).toEqual([]);
  });
});
