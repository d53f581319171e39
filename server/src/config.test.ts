import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig, REPOSITORY_ROOT } from './config.js';

describe('readConfig', () => {
  it('defaults to port 8080, the embedded database in .lifecircle/db and the demo region', () => {
    const config = readConfig({});
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBeNull();
    expect(config.embeddedDataDirectory).toBe(path.join(REPOSITORY_ROOT, '.lifecircle/db'));
    expect(config.seedRegionDirectories).toEqual([path.join(REPOSITORY_ROOT, 'data/geojson/demo')]);
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

  it.each(['http', '-1', '70000', '80.5'])('refuses PORT=%s with a message naming it', (port) => {
    expect(() => readConfig({ PORT: port })).toThrow(
      `PORT must be an integer from 0 to 65535, got "${port}"`,
    );
  });
});
