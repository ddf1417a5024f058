import { z } from 'zod';

/** pino's levels, and `silent` for none. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Logs and traces of a service. LOG_LEVEL defaults to `info`, and to `silent` under
 * NODE_ENV=test (jest sets it), so test runs print nothing unless asked. Traces are exported
 * over OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set; the SDK reads the other OTEL_*
 * variables (headers, protocol, sampler) itself.
 */
export const telemetryEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
});
export type TelemetryEnv = z.infer<typeof telemetryEnv>;

/** The level a service logs at. */
export const logLevel = (env: TelemetryEnv): LogLevel => env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info');
