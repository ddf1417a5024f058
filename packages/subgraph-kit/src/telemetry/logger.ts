import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { type DestinationStream, type Logger, pino } from 'pino';
import { type LogLevel, loadConfig, logLevel, telemetryEnv } from '@meritgraph/config';

export type { DestinationStream, Logger };

export interface LoggerOptions {
  /** The lowest level written; `info` when absent. */
  level?: LogLevel;
  /** Where the JSON lines go; standard output when absent (tests pass a stream to read them). */
  destination?: DestinationStream;
}

/** A JSON logger: one object per line, with `level` as a word and `time` in ISO 8601. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const settings = {
    level: options.level ?? 'info',
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

let fallback: Logger | undefined;

/** The process's logger for services given none: at LOG_LEVEL, silent under NODE_ENV=test. */
export const defaultLogger = (): Logger => (fallback ??= createLogger({ level: logLevel(loadConfig(telemetryEnv)) }));

/** The header that carries a request's id from the caller, through the gateway, to every subgraph, and back in the answer. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** What a request id a caller sends may be: up to 128 letters, digits and `._:-` (a UUID, a trace id, a load balancer's id). */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request's id: the caller's, when it is one (see REQUEST_ID), else a new UUID. */
export function requestIdOf(headers: IncomingHttpHeaders): string {
  const sent = headers[REQUEST_ID_HEADER];
  return typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : randomUUID();
}
