/**
 * Prometheus metrics on a registry of the server's own (not prom-client's global one), so two servers
 * in one process (tests, benchmarks) keep separate figures.
 */
import type * as PromClient from 'prom-client';
import { lazyRequire } from '../lazy-require.js';

const loadPromClient = lazyRequire<typeof PromClient>('prom-client');

export class ServerMetrics {
  private readonly prom = loadPromClient();
  readonly registry = new this.prom.Registry();
  readonly connections = new this.prom.Gauge({ name: 'udash_sync_connections', help: 'Open WebSocket connections', registers: [this.registry] });
  readonly docsLoaded = new this.prom.Gauge({ name: 'udash_sync_docs_loaded', help: 'Documents loaded in memory', registers: [this.registry] });
  readonly updates = new this.prom.Counter({ name: 'udash_sync_updates_total', help: 'Document updates stored (rate() of this is updates/s)', labelNames: ['source'] as const, registers: [this.registry] });
  readonly rejectedUpdates = new this.prom.Counter({ name: 'udash_sync_rejected_updates_total', help: 'Updates refused (read-only connection)', registers: [this.registry] });
  readonly bytesIn = new this.prom.Counter({ name: 'udash_sync_bytes_in_total', help: 'Bytes received (WebSocket frames and blob uploads)', labelNames: ['channel'] as const, registers: [this.registry] });
  readonly bytesOut = new this.prom.Counter({ name: 'udash_sync_bytes_out_total', help: 'Bytes sent (WebSocket frames and blob downloads)', labelNames: ['channel'] as const, registers: [this.registry] });
  readonly authFailures = new this.prom.Counter({ name: 'udash_sync_auth_failures_total', help: 'Refused tokens and forbidden rooms', labelNames: ['reason'] as const, registers: [this.registry] });
  readonly closes = new this.prom.Counter({ name: 'udash_sync_connection_closes_total', help: 'Connections closed by the server, by close code name', labelNames: ['code'] as const, registers: [this.registry] });
  readonly commitSeconds = new this.prom.Histogram({
    name: 'udash_sync_commit_seconds',
    help: 'Time to commit one batch of updates',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly commitBatch = new this.prom.Histogram({ name: 'udash_sync_commit_batch_size', help: 'Updates per committed batch', buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000], registers: [this.registry] });
  readonly persistFailures = new this.prom.Counter({ name: 'udash_sync_persist_failures_total', help: 'Batches that failed to commit', registers: [this.registry] });
  readonly fanoutUp = new this.prom.Gauge({ name: 'udash_sync_redis_up', help: '1 when the Redis fan-out is connected, 0 when not (absent without Redis)', registers: [this.registry] });
  readonly fanoutPublishFailures = new this.prom.Counter({ name: 'udash_sync_redis_publish_failures_total', help: 'Messages that could not be published to Redis', registers: [this.registry] });
  readonly httpRequests = new this.prom.Counter({ name: 'udash_sync_http_requests_total', help: 'HTTP requests by route group and status', labelNames: ['route', 'status'] as const, registers: [this.registry] });

  constructor(opts: { processMetrics?: boolean } = {}) {
    if (opts.processMetrics) this.prom.collectDefaultMetrics({ register: this.registry, prefix: 'udash_sync_' });
  }
}
