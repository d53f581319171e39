import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig, REPOSITORY_ROOT } from './config.js';

describe('readConfig', () => {
  it('defaults to port 8080, the embedded database in .lifecircle/db and the shipped regions, demo first', () => {
    const config = readConfig({});
    expect(config.port).toBe(8080);
    expect(config.host).toBe('127.0.0.1');
    expect(config.corsOrigins).toEqual([]);
    expect(config.limits.jsonBodyBytes).toBe(8 * 1024 * 1024);
    expect(config.databaseUrl).toBeNull();
    expect(config.drainTimeoutMilliseconds).toBe(10_000);
    expect(config.embeddedDataDirectory).toBe(path.join(REPOSITORY_ROOT, '.lifecircle/db'));
    expect(config.seedRegionDirectories).toEqual([
      path.join(REPOSITORY_ROOT, 'data/geojson/demo'),
      path.join(REPOSITORY_ROOT, 'data/geojson/jishou-demo'),
    ]);
  });

  it('takes PORT, DATABASE_URL and LIFECIRCLE_DATA_DIR from the environment', () => {
    const config = readConfig({
      PORT: '9090',
      DATABASE_URL: 'postgres://u@h/db',
      LIFECIRCLE_DATA_DIR: '/tmp/lc',
    });
    expect(config).toMatchObject({
      port: 9090,
      databaseUrl: 'postgres://u@h/db',
      embeddedDataDirectory: '/tmp/lc',
    });
  });

  it('takes HOST, CORS_ORIGINS, the JSON body limit, the query and drain timeouts from the environment', () => {
    const config = readConfig({
      HOST: '0.0.0.0',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      LIFECIRCLE_JSON_BODY_LIMIT_BYTES: '1000',
      LIFECIRCLE_QUERY_TIMEOUT_MS: '5000',
      LIFECIRCLE_DRAIN_TIMEOUT_MS: '2500',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      corsOrigins: ['https://a.example', 'https://b.example'],
      limits: { jsonBodyBytes: 1000 },
      queryTimeoutMilliseconds: 5000,
      drainTimeoutMilliseconds: 2500,
    });
  });

  it.each(['0', 'many', '1.5'])('refuses LIFECIRCLE_JSON_BODY_LIMIT_BYTES=%s', (bytes) => {
    expect(() => readConfig({ LIFECIRCLE_JSON_BODY_LIMIT_BYTES: bytes })).toThrow(
      `LIFECIRCLE_JSON_BODY_LIMIT_BYTES must be a positive whole number, got "${bytes}"`,
    );
  });

  it.each(['http', '-1', '70000', '80.5'])('refuses PORT=%s with a message naming it', (port) => {
    expect(() => readConfig({ PORT: port })).toThrow(
      `PORT must be an integer from 0 to 65535, got "${port}"`,
    );
  });
});
