/**
 * Online tile services an administrator configured (LIFECIRCLE_TILE_SERVICES, read by config.ts):
 * nothing is requested from outside unless one is listed, and the map works with none.
 *
 *   LIFECIRCLE_TILE_SERVICES='[{"id":"tianditu-img","name":"天地图影像",
 *     "tiles":["https://t0.tianditu.gov.cn/img_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=img&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY"],
 *     "maxzoom":18,"attribution":"天地图","gcj02":false}]'
 *
 * 天地图 is in CGCS2000/WGS 84 and lines up with the region's layers. Services in GCJ-02 (the
 * shifted coordinates of most Chinese commercial maps) are refused: their imagery sits 100–700 m
 * off the region's true positions, and drawing them shifted back would need every tile warped.
 */
import { z } from 'zod';
import { BASEMAP_ID_PATTERN, type Basemap } from '../../../contract/basemaps.js';

const tileServiceSchema = z.strictObject({
  id: z.string().regex(BASEMAP_ID_PATTERN, 'must be lower-case letters, digits and "-"'),
  name: z.string().min(1),
  tiles: z
    .array(
      z
        .string()
        .url()
        .refine(
          (url) => ['{z}', '{x}', '{y}'].every((part) => url.includes(part)),
          'must hold {z}, {x} and {y}',
        ),
    )
    .min(1),
  kind: z.enum(['raster', 'vector']).default('raster'),
  minzoom: z.number().int().min(0).max(30).default(0),
  maxzoom: z.number().int().min(0).max(30).default(18),
  attribution: z.string().nullable().default(null),
  gcj02: z.boolean().meta({ description: 'The service draws in GCJ-02 (shifted) coordinates' }),
});

export type TileService = z.output<typeof tileServiceSchema>;

/** The configured services as the list of base maps shows them (after the region's own files). */
export function serviceBasemap(service: TileService): Basemap {
  return {
    id: service.id,
    name: service.name,
    format: 'xyz',
    kind: service.kind,
    minzoom: service.minzoom,
    maxzoom: service.maxzoom,
    bounds: null,
    tiles: service.tiles,
    tileType: null,
    vectorLayers: [],
    attribution: service.attribution,
    tileCount: null,
  };
}

/** The origins the services' tiles come from, each once (the site's Content Security Policy lets them in). */
export function tileServiceOrigins(services: readonly TileService[]): string[] {
  return [
    ...new Set(services.flatMap((service) => service.tiles.map((template) => new URL(template).origin))),
  ];
}

/**
 * Parses LIFECIRCLE_TILE_SERVICES (a JSON array; empty or absent: none). Throws a message naming
 * the variable and the service at fault; a GCJ-02 service is refused with why.
 */
export function parseTileServices(text: string | undefined): TileService[] {
  if (text === undefined || text.trim() === '') return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `LIFECIRCLE_TILE_SERVICES must be a JSON array of tile services: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const parsed = z.array(tileServiceSchema).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`LIFECIRCLE_TILE_SERVICES[${issue.path.join('.')}]: ${issue.message}`);
  }
  const ids = new Set<string>();
  for (const service of parsed.data) {
    if (ids.has(service.id))
      throw new Error(`LIFECIRCLE_TILE_SERVICES: the id "${service.id}" is listed twice`);
    ids.add(service.id);
    if (service.gcj02) {
      throw new Error(
        `LIFECIRCLE_TILE_SERVICES: "${service.id}" is marked gcj02. A GCJ-02 service draws every place 100–700 m ` +
          'away from its true WGS 84 / CGCS2000 position, so communities would sit beside the streets they follow; ' +
          'this app does not warp such tiles back. Use a service in WGS 84 or CGCS2000 (e.g. 天地图) instead. / ' +
          `底图服务“${service.id}”标为 GCJ-02（火星坐标）：其影像与真实位置偏移 100–700 米，社区边界会与道路错位；` +
          '本系统不对此类瓦片纠偏，请改用 WGS 84 或 CGCS2000 坐标的服务（如天地图）。',
      );
    }
  }
  return parsed.data;
}
