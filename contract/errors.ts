/**
 * Every refusal the API can answer, as one catalogue: a stable `code`, the HTTP status it answers
 * with, and its sentence in English and Chinese with `{name}` placeholders filled from `params`.
 * The server writes `error` (English, for API users and the command line) and `errorZh` from it;
 * the client renders the same entry in the interface's language from `code` and `params`, so a
 * refusal reads in Chinese in the Chinese interface whichever route gave it.
 */

import { z } from 'zod';

export type ErrorParams = Readonly<Record<string, string | number | boolean | null>>;

export interface ErrorEntry {
  status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 416 | 422 | 429 | 500 | 503;
  en: string;
  zh: string;
}

/**
 * The catalogue. Codes are `<area>.<what>` in kebab-case and never change once published; add new
 * ones at the end of their area. A placeholder names a param; a field is named as a path such as
 * `edits[2].unitIds[0]`.
 */
export const ERROR_CATALOGUE = {
  // Anything about the request itself, before any domain rule is asked.
  'request.invalid': { status: 400, en: '{reason}', zh: '{reasonZh}' },
  'request.not-json': {
    status: 400,
    en: 'send the body as JSON with "Content-Type: application/json" (got "{contentType}")',
    zh: '请以 JSON 发送请求体（Content-Type: application/json，收到的是“{contentType}”）',
  },
  'request.malformed-json': {
    status: 400,
    en: 'the body is not valid JSON: {reason}',
    zh: '请求体不是有效的 JSON：{reason}',
  },
  'request.no-such-path': {
    status: 404,
    en: 'no such path: {method} {path}',
    zh: '没有这个地址：{method} {path}',
  },
  'request.refused': { status: 400, en: '{reason}', zh: '请求被拒绝：{reason}' },
  'request.too-large': {
    status: 413,
    en: 'the request is larger than {limitMegabytes} MB',
    zh: '请求超过 {limitMegabytes} MB',
  },
  'request.method-not-allowed': {
    status: 405,
    en: '{path} does not answer {method}; it answers {allowed}',
    zh: '{path} 不接受 {method} 请求，只接受 {allowed}',
  },
  'request.cross-site': {
    status: 403,
    en: '{method} {path} was sent by a page of another site ({origin}); writes are accepted from this app’s own pages only',
    zh: '{method} {path} 来自其他网站的页面（{origin}）；只接受本应用页面发出的修改',
  },

  // The server's own state.
  'server.database-unavailable': {
    status: 503,
    en: 'the database is unavailable; try again shortly',
    zh: '数据库暂时无法连接，请稍后再试',
  },
  'server.internal': { status: 500, en: 'internal server error', zh: '服务器内部错误' },
  'server.query-timeout': {
    status: 503,
    en: 'the database took longer than {seconds} s to answer and the query was stopped; try a smaller request or try again later',
    zh: '数据库超过 {seconds} 秒仍未答复，查询已停止；请缩小请求范围或稍后再试',
  },
  'server.out-of-memory': {
    status: 503,
    en: 'the database ran out of memory building this answer; ask for less at once (a layer, for example, within the map’s view: ?bbox=west,south,east,north)',
    zh: '数据库生成此答复时内存不足；请一次少取一些（例如图层只取地图视野内的部分：?bbox=西,南,东,北）',
  },
  'database.refused': { status: 400, en: '{reason}', zh: '数据库拒绝了请求：{reason}' },
  'database.conflict': { status: 409, en: '{reason}', zh: '与已有数据冲突：{reason}' },

  // Regions and their layers.
  'region.not-found': { status: 404, en: 'no region "{regionId}"', zh: '没有区域“{regionId}”' },
  'region.position-invalid': {
    status: 400,
    en: '{field}: {axis} {value} is beyond ±{limit}°{swapHint}',
    zh: '{field}：{axisZh} {value} 超出 ±{limit}°{swapHintZh}',
  },
  'region.position-outside': {
    status: 400,
    en: '{field}: [{lon}, {lat}] lies outside region "{regionId}" (extent {extent} plus {marginMeters} m){swapHint}',
    zh: '{field}：[{lon}, {lat}] 位于区域“{regionId}”之外（范围 {extent} 外加 {marginMeters} 米）{swapHintZh}',
  },
  'region.unknown-facilities': {
    status: 400,
    en: '{field}: region "{regionId}" has no {noun} {ids}{more}',
    zh: '{field}：区域“{regionId}”没有设施 {ids}{moreZh}',
  },
  'region.unknown-node': {
    status: 400,
    en: '{field}: the network of region "{regionId}" has no node {node}',
    zh: '{field}：区域“{regionId}”的路网没有节点 {node}',
  },
  'region.heatmap-too-large': {
    status: 400,
    en: 'cellMeters: {cellMeters} m cells over region "{regionId}" make {columns} × {rows} cells, more than {maxCells}; choose larger cells',
    zh: 'cellMeters：在区域“{regionId}”上用 {cellMeters} 米的格网会得到 {columns} × {rows} 个格子，超过 {maxCells} 个；请选更大的格网',
  },
  'region.no-network': {
    status: 409,
    en: 'region "{regionId}" has no walking network to analyse',
    zh: '区域“{regionId}”没有可分析的步行路网',
  },

  // Scenarios.
  'scenario.not-found': { status: 404, en: 'no scenario "{id}"', zh: '没有方案“{id}”' },
  'scenario.baseline-by-region': {
    status: 400,
    en: 'the baseline belongs to a region: use /api/regions/:region/scenarios/baseline/…',
    zh: '现状方案属于区域：请使用 /api/regions/:region/scenarios/baseline/…',
  },
  'scenario.baseline-read-only': {
    status: 405,
    en: 'the baseline is read-only: create a scenario based on it (POST /api/regions/:region/scenarios) and edit that',
    zh: '现状方案只读：请以它为基础新建方案（POST /api/regions/:region/scenarios）再编辑',
  },
  'scenario.based-on-missing': {
    status: 400,
    en: 'basedOn: no scenario "{basedOn}"',
    zh: 'basedOn：没有方案“{basedOn}”',
  },
  'scenario.based-on-version-missing': {
    status: 400,
    en: 'basedOnVersion: scenario "{basedOn}" has no version {version} (its versions are 1 to {currentVersion})',
    zh: 'basedOnVersion：方案“{basedOn}”没有第 {version} 版（现有第 1 至第 {currentVersion} 版）',
  },
  'scenario.based-on-other-region': {
    status: 400,
    en: 'basedOn: scenario "{basedOn}" belongs to region "{otherRegionId}", not "{regionId}"',
    zh: 'basedOn：方案“{basedOn}”属于区域“{otherRegionId}”，不属于“{regionId}”',
  },
  'scenario.busy': {
    status: 503,
    en: 'scenario "{id}" is being saved too often to read; try again',
    zh: '方案“{id}”正被频繁保存，暂时无法读取，请再试一次',
  },
  'scenario.stale-version': {
    status: 409,
    en: 'the scenario is at version {currentVersion}; reload it and apply your edits again',
    zh: '方案已是第 {currentVersion} 版：请重新载入后再应用您的编辑',
  },
  'scenario.locked-by-review': {
    status: 409,
    en: 'scenario "{id}" is {state} (version {version}) and cannot change; {hint}',
    zh: '方案“{id}”{stateZh}（第 {version} 版），不能修改；{hintZh}',
  },
  'scenario.review-step-refused': {
    status: 409,
    en: 'scenario "{id}" is {state}: it cannot be {step}',
    zh: '方案“{id}”{stateZh}，不能{stepZh}',
  },
  'scenario.edit-refused': {
    status: 400,
    en: 'edits[{index}] ({op}): {detail}',
    zh: '第 {ordinal} 项编辑（{opZh}）：{detailZh}',
  },
  'scenario.compare-missing': { status: 400, en: 'with: no scenario "{with}"', zh: 'with：没有方案“{with}”' },
  'scenario.compare-other-region': {
    status: 400,
    en: 'with: scenario "{with}" is in region "{otherRegionId}", not "{regionId}"',
    zh: 'with：方案“{with}”属于区域“{otherRegionId}”，不属于“{regionId}”',
  },
  'scenario.version-not-found': {
    status: 404,
    en: 'version: scenario "{id}" has no version {version} (its versions are 1 to {currentVersion})',
    zh: 'version：方案“{id}”没有第 {version} 版（现有第 1 至第 {currentVersion} 版）',
  },
  'scenario.version-unavailable': {
    status: 409,
    en: 'version {version} of scenario "{id}" cannot be rebuilt: {detail}',
    zh: '方案“{id}”的第 {version} 版无法重建：{detailZh}',
  },
  'scenario.restore-unsupported': {
    status: 409,
    en: 'version {version} cannot be restored as edits: {detail}',
    zh: '第 {version} 版无法以编辑恢复：{detailZh}',
  },

  // Siting new facilities.
  'siting.no-tier': {
    status: 400,
    en: 'minutes: category "{category}" has no tier; give the walking minutes a site must reach its demand within',
    zh: 'minutes：设施类别“{category}”没有生活圈层级；请给出选址应在多少步行分钟内服务需求',
  },
  'siting.no-candidates': {
    status: 400,
    en: 'candidates: no candidate site lies within {meters} m of a walking path',
    zh: 'candidates：没有任何候选点位于步行道路 {meters} 米以内',
  },

  // Partition proposals. `{detail}` / `{detailZh}` is core/partition's own sentence with its figures.
  'partition.unknown-street': {
    status: 400,
    en: 'streetId: region "{regionId}" has no street "{streetId}"',
    zh: 'streetId：区域“{regionId}”没有街道“{streetId}”',
  },
  'partition.unknown-community': {
    status: 400,
    en: '{field}: {detail}',
    zh: '{field}（要保留的社区）：{detailZh}',
  },
  'partition.bad-community-count': {
    status: 400,
    en: 'communities: {detail}',
    zh: 'communities（社区数）：{detailZh}',
  },
  'partition.no-units': { status: 422, en: 'streetId: {detail}', zh: 'streetId（街道）：{detailZh}' },
  'partition.nothing-to-partition': {
    status: 422,
    en: 'keep: {detail}',
    zh: 'keep（保留的社区）：{detailZh}',
  },
  'partition.too-few-units': {
    status: 422,
    en: 'communities: {detail}',
    zh: 'communities（社区数）：{detailZh}',
  },
  'partition.not-connected': {
    status: 422,
    en: 'communities: {detail}',
    zh: 'communities（社区数）：{detailZh}',
  },

  // Imports. A refusal of the data itself (problems, scenario changes not accepted) answers the
  // import's report beside the error; `{noun}` is the English noun in the number `{count}` asks for.
  'import.invalid-region-id': {
    status: 400,
    en: 'region id "{regionId}" must be lower-case letters, digits and hyphens (at most 63)',
    zh: '区域编号“{regionId}”只能由小写字母、数字和连字符组成（最多 63 个字符）',
  },
  'import.invalid-crs': { status: 400, en: 'crs: {reason}', zh: '坐标系：{reasonZh}' },
  'import.file-unreadable': { status: 400, en: '{reason}', zh: '{reasonZh}' },
  'import.encoding-unsupported': {
    status: 400,
    en: '{fileName}: the {namedBy} names code page "{codePage}", which cannot be decoded here: save the file as UTF-8, or say which encoding to read it with (--encoding, API "encoding")',
    zh: '{fileName}：{namedByZh}指定的代码页“{codePage}”无法解码：请把文件另存为 UTF-8，或指定读取所用的编码（命令行 --encoding；API："encoding"）',
  },
  'import.archive-too-large': {
    status: 413,
    en: '{fileName}: {reason}',
    zh: '压缩包 {fileName}：{reasonZh}',
  },
  'import.osm-not-network': {
    status: 400,
    en: '{fileName}: an OSM extract gives the network layer here (for a whole region from OSM use npm run import:osm)',
    zh: '{fileName}：OSM 数据在这里只能导入为道路网图层（要用 OSM 数据建立整个区域，请运行 npm run import:osm）',
  },
  'import.region-not-found': {
    status: 404,
    en: 'no region "{regionId}": create it with --create --name <name> (API: "create": true, "name")',
    zh: '区域“{regionId}”不存在：请新建该区域（命令行 --create --name <名称>；API："create": true 和 "name"）',
  },
  'import.region-exists': {
    status: 409,
    en: 'region "{regionId}" exists already: leave out --create to import into it',
    zh: '区域“{regionId}”已存在：要导入到该区域，请不要新建（命令行去掉 --create）',
  },
  'import.region-name-required': {
    status: 400,
    en: 'a region the import creates needs a name (--name, API "name")',
    zh: '新建的区域需要名称（命令行 --name；API："name"）',
  },
  'import.has-problems': {
    status: 422,
    en: '{count} {noun} in {fileName}; nothing was imported. First: {first}',
    zh: '{fileName} 中有 {count} 个问题，没有导入任何数据。第一个问题：{firstZh}',
  },
  'import.nothing-to-import': {
    status: 422,
    en: '{fileName} holds nothing to import',
    zh: '{fileName} 中没有可导入的内容',
  },
  'import.scenario-changes-unaccepted': {
    status: 409,
    en: 'this import changes {count} {noun} of region "{regionId}" ({names}); read scenarioImpact and repeat with --accept-scenario-changes (API: "acceptScenarioChanges": true)',
    zh: '本次导入会改变区域“{regionId}”的 {count} 个方案（{namesZh}）；请阅读对方案的影响，确认后再导入（命令行 --accept-scenario-changes；API："acceptScenarioChanges": true）',
  },
  'import.not-found': {
    status: 404,
    en: 'no import "{importId}" for region "{regionId}" (previews expire after {hours} hours)',
    zh: '区域“{regionId}”没有导入“{importId}”（预览在 {hours} 小时后失效）',
  },
  'import.committed-already': {
    status: 409,
    en: 'import "{importId}" was committed already',
    zh: '导入“{importId}”已经写入，不能再次写入',
  },
  'import.no-file': {
    status: 400,
    en: 'file: a multipart field "file" holding the file is required',
    zh: 'file：缺少装有文件的 multipart 字段 "file"',
  },
  'import.not-multipart': {
    status: 400,
    en: 'send the file as multipart/form-data with a "file" field and the options as fields',
    zh: '请以 multipart/form-data 发送文件（字段 "file"）和各项选项',
  },
  'import.too-many-records': {
    status: 413,
    en: '{fileName}: more than {limit} rows (records); one import takes at most {limit}: split the file into parts of at most {limit} rows and import them one after another, adding to the layer',
    zh: '{fileName}：超过 {limit} 行（条记录）；一次导入最多 {limit} 行：请把文件拆分为每份不超过 {limit} 行，再逐份导入（追加到图层）',
  },

  // Base maps (contract/basemaps.ts): a PMTiles or MBTiles file stored with a region.
  'basemap.not-tiles': {
    status: 400,
    en: 'file "{fileName}" is neither a PMTiles nor an MBTiles file (it does not begin with "PMTiles" or "SQLite format 3")',
    zh: '文件“{fileName}”既不是 PMTiles 也不是 MBTiles（开头不是“PMTiles”或“SQLite format 3”）',
  },
  'basemap.corrupt': {
    status: 400,
    en: 'file "{fileName}" cannot be read as {format}: {reason}',
    zh: '文件“{fileName}”无法按 {format} 读取：{reasonZh}',
  },
  'basemap.unknown-tile-type': {
    status: 400,
    en: 'file "{fileName}" holds tiles of type "{tileType}"; the map draws PNG, JPEG or WebP images and Mapbox vector tiles (pbf)',
    zh: '文件“{fileName}”的瓦片类型为“{tileType}”；地图只能绘制 PNG、JPEG、WebP 影像瓦片和 Mapbox 矢量瓦片（pbf）',
  },
  'basemap.outside-region': {
    status: 422,
    en: 'base map "{fileName}" covers {bounds}, which does not meet region "{regionId}" ({regionBounds})',
    zh: '底图“{fileName}”的范围 {bounds} 与区域“{regionId}”（{regionBounds}）不相交',
  },
  'basemap.too-large': {
    status: 413,
    en: 'base map "{fileName}" is larger than {limitMegabytes} MB; cut it to the region (e.g. pmtiles extract --bbox)',
    zh: '底图“{fileName}”超过 {limitMegabytes} MB；请先裁剪到本区域（如 pmtiles extract --bbox）',
  },
  'basemap.exists': {
    status: 409,
    en: 'region "{regionId}" has a base map "{basemapId}" already; remove it first or give another name',
    zh: '区域“{regionId}”已有底图“{basemapId}”；请先删除它或换一个名称',
  },
  'basemap.not-found': {
    status: 404,
    en: 'region "{regionId}" has no base map "{basemapId}"',
    zh: '区域“{regionId}”没有底图“{basemapId}”',
  },
  'basemap.no-tile': {
    status: 404,
    en: 'base map "{basemapId}" has no tile {z}/{x}/{y}',
    zh: '底图“{basemapId}”没有瓦片 {z}/{x}/{y}',
  },
  'basemap.no-file': {
    status: 400,
    en: 'file: send the PMTiles or MBTiles file as multipart/form-data in a field "file"',
    zh: 'file：请以 multipart/form-data 在字段 "file" 中发送 PMTiles 或 MBTiles 文件',
  },
  // Accounts (contract/accounts.ts, access.ts): who is signed in and what their role may do.
  'auth.sign-in-required': {
    status: 401,
    en: 'sign in first: {method} {path} needs a signed-in user (a session cookie or an API token){reason}',
    zh: '请先登录：{method} {path} 需要已登录的用户（会话 Cookie 或 API 令牌）{reasonZh}',
  },
  'auth.wrong-password': {
    status: 401,
    en: 'wrong username or password',
    zh: '用户名或密码错误',
  },
  'auth.too-many-attempts': {
    status: 429,
    en: 'too many failed sign-ins for {who}; try again in {minutes} minutes',
    zh: '{who} 登录失败次数过多，请 {minutes} 分钟后再试',
  },
  'auth.forbidden': {
    status: 403,
    en: '{method} {path} needs the permission to {permission}, held by {roles}; {user} is signed in as {role}',
    zh: '{method} {path} 需要“{permissionZh}”权限（{rolesZh}可用）；{user} 的角色是{roleZh}',
  },
  'auth.not-scenario-editor': {
    status: 403,
    en: '{method} {path}: only {whoMay} of scenario "{scenarioId}" (owner: {owner}) or an administrator may {permission}; {user} may not',
    zh: '{method} {path}：只有方案“{scenarioId}”的{whoMayZh}（所有者：{owner}）或管理员可以{permissionZh}；{user} 不可以',
  },
  'auth.csrf': {
    status: 403,
    en: '{method} {path} was sent with the session cookie but without the X-CSRF-Token header answered at sign-in (GET /api/session answers it again)',
    zh: '{method} {path} 使用会话 Cookie 发送，但缺少登录时给出的 X-CSRF-Token 请求头（可通过 GET /api/session 重新获取）',
  },
  'auth.wrong-current-password': {
    status: 403,
    en: 'currentPassword: the current password is wrong; the password is unchanged',
    zh: 'currentPassword：当前密码不正确，密码未修改',
  },
  'user.exists': {
    status: 409,
    en: 'username: a user "{username}" exists already',
    zh: 'username：用户“{username}”已存在',
  },
  'user.not-found': { status: 404, en: 'no user "{username}"', zh: '没有用户“{username}”' },
  'user.unknown-collaborators': {
    status: 400,
    en: 'collaborators: no user {usernames}',
    zh: 'collaborators：没有用户 {usernames}',
  },
  'user.last-admin': {
    status: 409,
    en: '"{username}" is the last active administrator: make someone else an administrator first',
    zh: '“{username}”是最后一位在用的管理员：请先指定另一位管理员',
  },
  'token.not-found': { status: 404, en: 'you have no API token "{id}"', zh: '您没有 API 令牌“{id}”' },
  'token.role-not-allowed': {
    status: 403,
    en: 'role: a token acts with its owner’s role ({ownRole}); only administrators may make tokens of another role',
    zh: 'role：令牌只能使用所有者本人的角色（{ownRoleZh}）；只有管理员可以创建其他角色的令牌',
  },
  'basemap.no-archive': {
    status: 404,
    en: 'base map "{basemapId}" has no PMTiles archive to read by ranges (it was stored from an MBTiles file, or before archives were kept); read its tiles at {tiles}',
    zh: '底图“{basemapId}”没有可按字节范围读取的 PMTiles 文件（它由 MBTiles 导入，或导入时尚未保存原文件）；请按 {tiles} 读取其瓦片',
  },
  'basemap.range-not-satisfiable': {
    status: 416,
    en: 'the range "{range}" asks for no bytes of base map "{basemapId}", which has {size} bytes',
    zh: '字节范围“{range}”不在底图“{basemapId}”的文件之内（文件共 {size} 字节）',
  },

  // Backups (npm run backup / npm run restore, server/src/db/backup.ts): said on the command line.
  'backup.unreadable': {
    status: 400,
    en: 'backup "{file}" cannot be restored: {reason}; nothing was restored',
    zh: '备份“{file}”无法恢复：{reasonZh}；未恢复任何数据',
  },
  'backup.target-has-regions': {
    status: 409,
    en: 'the target database already has {count} region(s) ({regions}); restore into an empty database, or add --replace to replace everything in it with the backup; nothing was restored',
    zh: '目标数据库已有 {count} 个区域（{regions}）；请恢复到空数据库，或加上 --replace 以备份替换其中全部数据；未恢复任何数据',
  },
  'backup.schema-mismatch': {
    status: 409,
    en: 'backup "{file}" was taken at migration {backupLevel}, but {reason}; nothing was restored',
    zh: '备份“{file}”取自迁移 {backupLevel}，但{reasonZh}；未恢复任何数据',
  },
  'backup.count-mismatch': {
    status: 500,
    en: 'table {table} holds {restored} rows once restored where the backup has {expected}; the restore was rolled back',
    zh: '表 {table} 恢复后有 {restored} 行，而备份中为 {expected} 行；恢复已回滚',
  },
  // Live events (contract/events.ts).
  'live.too-many-streams': {
    status: 429,
    en: '{user} has {count} live event streams open already (one per page): close a page or wait for its stream to end',
    zh: '{user} 已打开 {count} 个实时事件流（每个页面一个）：请关闭一个页面或稍候再试',
  },
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CATALOGUE, value);
}

/** `{name}` placeholders filled from `params`; an unknown placeholder stays as written. */
export function fillTemplate(template: string, params: ErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

/** The sentence of a refusal in one language. */
export function renderError(code: ErrorCode, params: ErrorParams, language: 'zh' | 'en'): string {
  const entry: ErrorEntry = ERROR_CATALOGUE[code];
  return fillTemplate(language === 'zh' ? entry.zh : entry.en, params);
}

/** What every refusal answers, whatever route gave it; some add members (e.g. `currentVersion`). */
export const errorBodySchema = z
  .looseObject({
    error: z
      .string()
      .meta({ description: 'What was refused and why, in English, naming the field or id at fault' }),
    errorZh: z.string().meta({ description: 'The same sentence in Chinese' }),
    code: z.string().meta({ description: 'A stable code from the error catalogue (contract/errors.ts)' }),
    params: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
      .meta({ description: 'The values the sentence names (ids, fields, limits)' }),
  })
  .meta({ id: 'ErrorBody', description: 'An error answer' });

export type ErrorBody = z.infer<typeof errorBodySchema>;
