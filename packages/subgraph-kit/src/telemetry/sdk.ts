import { type TelemetryEnv, loadConfig, telemetryEnv } from '@meritgraph/config';

/**
 * Starts OpenTelemetry's Node SDK for a service run on its own (main), when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set: traces go there over OTLP (the SDK reads the protocol,
 * headers and sampler from the other OTEL_* variables), with `service.name` set to the
 * service's. Metrics stay on /metrics and logs on standard output. Unset, nothing is loaded
 * and every span the code starts is a no-op. Returns what flushes and stops the SDK.
 */
export async function startTracing(service: string, env: TelemetryEnv = loadConfig(telemetryEnv)): Promise<() => Promise<void>> {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT) return async () => {};
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  const sdk = new NodeSDK({ serviceName: service, metricReaders: [], logRecordProcessors: [] });
  sdk.start();
  return () => sdk.shutdown();
}
