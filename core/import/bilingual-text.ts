/**
 * The Chinese an import's texts need beside their English (core/formats/bilingual-error.ts has the
 * Bilingual pair itself): where a record is, a geometry type, PostGIS's reason for invalid geometry.
 */

/**
 * Where a record is, in Chinese: "row 7" (CSV line) → "第 7 行", "record 5" (Shapefile/dBASE) →
 * "第 5 条记录", "feature #3" (GeoJSON, counted from 0) → "第 4 个要素（#3）", "way 123" (OSM) →
 * "OSM 路段 123". Any other text is returned as it is.
 */
export function locationZh(location: string): string {
  let match = /^row (\d+)$/.exec(location);
  if (match) return `第 ${match[1]} 行`;
  match = /^record (\d+)$/.exec(location);
  if (match) return `第 ${match[1]} 条记录`;
  match = /^feature #(\d+)$/.exec(location);
  // "#3" is the GeoJSON array index; a person counts from 1, so both are given.
  if (match) return `第 ${Number(match[1]) + 1} 个要素（#${match[1]}）`;
  match = /^way (\d+)$/.exec(location);
  if (match) return `OSM 路段 ${match[1]}`;
  return location;
}

const GEOMETRY_TYPE_ZH: Record<string, string> = {
  Point: '点',
  MultiPoint: '多点',
  LineString: '线',
  MultiLineString: '多线',
  Polygon: '面',
  MultiPolygon: '多面',
  GeometryCollection: '几何集合',
};

/** A GeoJSON geometry type in Chinese with the type itself: "Polygon" → "面（Polygon）". */
export function geometryTypeZh(type: string): string {
  const name = GEOMETRY_TYPE_ZH[type];
  return name ? `${name}（${type}）` : type;
}

// GEOS's reasons as PostGIS's ST_IsValidReason gives them (e.g. "Self-intersection[109.7 28.2]").
const VALIDITY_REASONS_ZH: [RegExp, string][] = [
  [/^Ring Self-intersection/i, '环自相交'],
  [/^Self-intersection/i, '自相交'],
  [/^Too few points in geometry component/i, '几何部件的点数太少'],
  [/^Hole lies outside shell/i, '内环（洞）位于外环之外'],
  [/^Holes are nested/i, '内环相互嵌套'],
  [/^Interior is disconnected/i, '内部不连通'],
  [/^Nested shells/i, '外环相互嵌套'],
  [/^Duplicate Rings/i, '存在重复的环'],
  [/^Invalid Coordinate/i, '坐标无效'],
  [/^Ring is not closed/i, '环未闭合'],
];

/**
 * PostGIS's reason for invalid geometry in Chinese, its position kept: "Self-intersection[109.7
 * 28.2]" → "自相交，位置 [109.7 28.2]". A reason not in the list is returned as it is.
 */
export function validityReasonZh(reason: string): string {
  const position = /\[([^\]]*)\]\s*$/.exec(reason);
  for (const [pattern, zh] of VALIDITY_REASONS_ZH)
    if (pattern.test(reason)) return position ? `${zh}，位置 [${position[1]}]` : zh;
  return reason;
}
