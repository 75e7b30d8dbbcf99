import pino from 'pino';

/** Structured logs: one JSON object per line, ready for any log shipper. */
export function createLogger(level: string) {
  return pino({ level, base: { service: 'crm-server' }, timestamp: pino.stdTimeFunctions.isoTime });
}

export type Logger = ReturnType<typeof createLogger>;
