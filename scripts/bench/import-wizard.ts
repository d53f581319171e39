/**
 * The import wizard's wait as a planner sees it (issue 13): the real server (as `npm start` runs
 * it, embedded PostGIS in a throw-away data folder) with the demo region at `--scale 20`, Debian's
 * Chromium driven by playwright-core, the administrator signed in through the sign-in page. The
 * wizard replaces the population units with the region's own units.geojson (36 MB at --scale 20,
 * a scenario exists so the commit asks for its acceptance) and the bench times, from the file
 * chosen: the upload, the server's answer, the preview shown and its features drawn on the map;
 * then from Commit: the commit's answer, the wizard saying so, and the map showing the new layer.
 * Figures printed, nothing asserted.
 *
 *   npm run bench:import-wizard                     # --scale 20
 *   npm run bench:import-wizard -- --scale 5        # another size
 *   npm run bench:import-wizard -- --profile preview.cpuprofile
 *                                                   # + Chromium's CPU profile of the preview's wait
 *
 * Needs `npm run build` first (the built client is served) and /usr/bin/chromium (CHROMIUM_PATH
 * overrides). Never downloads a browser.
 */

import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type CDPSession, type Page } from 'playwright-core';
import { FIRST_ADMIN_USERNAME } from '../../server/src/accounts/first-admin.js';
import { REPOSITORY_ROOT } from '../../server/src/config.js';
import { openEmbeddedDatabase } from '../../server/src/db/client.js';
import { loadRegionFolder } from '../../server/src/db/load-region.js';
import { migrate } from '../../server/src/db/migrate.js';
import { startLifecircleServer, type RunningServer } from '../../server/src/server.js';
import { generateDemoRegion } from '../demo-region/generate.js';
import { assertChromiumInstalled, launchHeadlessChromium } from '../../tests/support/headless-chromium.js';
import { parseScaleArgument, signInAsFirstAdmin } from './bench-support.js';

/** Longest any one wait may take (a slow, shared machine; software WebGL). */
const STEP_TIMEOUT_MS = 600_000;

const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(2)} s`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

/** One request as Chromium's network domain saw it, in wall-clock milliseconds. */
interface NetworkRequest {
  url: string;
  method: string;
  started: number;
  /** The request body sent (the upload's end). */
  sent?: number;
  /** The answer's headers received: the server had done its work. */
  headers?: number;
  finished?: number;
  status?: number;
  /** Bytes over the wire (compressed). */
  encodedBytes?: number;
}

/** Every request of the page, from Chromium's own network events (CDP timestamps made wall-clock). */
async function watchNetwork(cdp: CDPSession): Promise<NetworkRequest[]> {
  const requests = new Map<string, NetworkRequest>();
  const seen: NetworkRequest[] = [];
  // CDP's monotonic seconds → wall-clock milliseconds, from each request's own pair.
  let offset = 0;
  const wall = (monotonicSeconds: number) => (monotonicSeconds + offset) * 1000;
  cdp.on('Network.requestWillBeSent', (event) => {
    offset = event.wallTime - event.timestamp;
    const request: NetworkRequest = {
      url: event.request.url,
      method: event.request.method,
      started: wall(event.timestamp),
    };
    requests.set(event.requestId, request);
    seen.push(request);
  });
  cdp.on('Network.responseReceived', (event) => {
    const request = requests.get(event.requestId);
    const timing = event.response.timing;
    if (!request) return;
    request.status = event.response.status;
    if (timing) {
      request.sent = wall(timing.requestTime) + timing.sendEnd;
      request.headers = wall(timing.requestTime) + timing.receiveHeadersEnd;
    }
  });
  cdp.on('Network.loadingFinished', (event) => {
    const request = requests.get(event.requestId);
    if (!request) return;
    request.finished = wall(event.timestamp);
    request.encodedBytes = event.encodedDataLength;
  });
  // Bodies are not kept for the inspector: a 27 MB answer is not copied again.
  await cdp.send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0 });
  return seen;
}

/** Resolves with the first request matching `test` once it has finished. */
async function finishedRequest(
  seen: NetworkRequest[],
  test: (request: NetworkRequest) => boolean,
): Promise<NetworkRequest> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    const request = seen.find((candidate) => test(candidate) && candidate.finished !== undefined);
    if (request) return request;
    if (Date.now() > deadline) throw new Error('a request did not finish in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * What the page must show, all at once: an element (`present`), no element (`absent`), the
 * communities drawn (`<html data-communities-loaded>`), deck.gl's layers whose ids start with
 * `deckLayers` (all, when '') loaded and drawn with nothing left to redraw and the MapLibre map
 * standing still, or a user action recorded (`mark`, see USER_ACTIONS).
 */
interface PageCheck {
  present?: string;
  absent?: string;
  communitiesDrawn?: boolean;
  deckLayers?: string;
  /** Only that deck.gl's layers whose ids start with it are built (loaded), drawn or not. */
  deckBuilt?: string;
  mark?: 'fileChosen' | 'commitClicked';
}

/**
 * Page-side wall clock of the moment `check` first held, polled on every animation frame (a user
 * action: the moment recorded). The page's CSP forbids evaluating strings: the check is a function.
 */
async function whenTrue(page: Page, check: PageCheck): Promise<number> {
  const handle = await page.waitForFunction(
    (wanted) => {
      const now = performance.timeOrigin + performance.now();
      if (wanted.present && !document.querySelector(wanted.present)) return false;
      if (wanted.absent && document.querySelector(wanted.absent)) return false;
      if (wanted.communitiesDrawn && document.documentElement.dataset.communitiesLoaded !== 'true')
        return false;
      if (wanted.deckLayers !== undefined) {
        const app = window.__lifecircle;
        // deck.gl's instance inside the overlay (a private field; a bench may read it).
        const deck = (app?.overlay as unknown as { _deck?: DeckLike } | undefined)?._deck;
        if (!app || !deck?.layerManager || app.map.isMoving()) return false;
        const layers = deck.layerManager
          .getLayers()
          .filter((layer) => layer.id.startsWith(wanted.deckLayers!));
        if (layers.length === 0 || !layers.every((layer) => layer.isLoaded)) return false;
        if (deck.needsRedraw({ clearRedrawFlags: false })) return false;
      }
      if (wanted.deckBuilt !== undefined) {
        const deck = (window.__lifecircle?.overlay as unknown as { _deck?: DeckLike } | undefined)?._deck;
        const layers = (deck?.layerManager?.getLayers() ?? []).filter((layer) =>
          layer.id.startsWith(wanted.deckBuilt!),
        );
        if (layers.length === 0 || !layers.every((layer) => layer.isLoaded)) return false;
      }
      if (wanted.mark) return (window as unknown as BenchWindow).__bench?.[wanted.mark] ?? false;
      return now;
    },
    check,
    { polling: 'raf', timeout: STEP_TIMEOUT_MS },
  );
  return (await handle.jsonValue()) as number;
}

interface DeckLike {
  layerManager?: { getLayers(): { id: string; isLoaded: boolean }[] };
  needsRedraw(options: { clearRedrawFlags: boolean }): string | false;
}
interface BenchWindow {
  __bench?: Partial<Record<'fileChosen' | 'commitClicked', number>> & { longFrames?: [number, number][] };
}

/**
 * Run in the page before the app: records when the analyst chose a file and clicked Commit
 * (capturing listeners). A string, as tsx's helpers do not exist in the page.
 */
const USER_ACTIONS = `(() => {
  const marks = (window.__bench = {});
  const now = () => performance.timeOrigin + performance.now();
  document.addEventListener('change', (event) => {
    if (event.target.dataset && event.target.dataset.testid === 'import-file') marks.fileChosen = now();
  }, true);
  // Frames longer than 200 ms (each one a wait the analyst sees as a frozen page).
  marks.longFrames = [];
  let last = performance.now();
  const frame = (time) => {
    if (time - last > 200) marks.longFrames.push([performance.timeOrigin + last, time - last]);
    last = time;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  document.addEventListener('click', (event) => {
    if (event.target.closest && event.target.closest('[data-testid="import-commit"]')) marks.commitClicked = now();
  }, true);
})();`;

interface Options {
  scale: number;
  profileFile: string | null;
}

function parseArguments(argv: string[]): Options {
  const rest: string[] = [];
  let profileFile: string | null = null;
  for (let k = 0; k < argv.length; k += 1) {
    if (argv[k] === '--profile') {
      profileFile = argv[++k] ?? null;
      if (!profileFile) throw new Error('--profile needs a file name (e.g. preview.cpuprofile)');
    } else rest.push(argv[k]);
  }
  return { ...parseScaleArgument(rest), profileFile: profileFile && path.resolve(profileFile) };
}

/**
 * CPU seconds used so far by each kind of Chromium process under this one (browser, renderer,
 * gpu-process, utility…), read from /proc (Linux): where the browser's time went.
 */
async function chromiumCpuSeconds(): Promise<Map<string, number>> {
  const parentOf = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(entry), Number(fields[1]));
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended meanwhile.
    }
  }
  const byKind = new Map<string, number>();
  for (const [pid, tick] of ticks) {
    let ancestor = parentOf.get(pid);
    while (ancestor !== undefined && ancestor > 1 && ancestor !== process.pid)
      ancestor = parentOf.get(ancestor);
    if (ancestor !== process.pid) continue;
    const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (!commandLine.includes('chrom')) continue;
    const kind = /--type=([\w-]+)/.exec(commandLine)?.[1] ?? 'browser';
    byKind.set(kind, (byKind.get(kind) ?? 0) + tick / CLOCK_TICKS_PER_SECOND);
  }
  return byKind;
}
const CLOCK_TICKS_PER_SECOND = 100;

function cpuUsedSince(before: Map<string, number>, after: Map<string, number>): string {
  return [...after]
    .map(([kind, used]) => [kind, used - (before.get(kind) ?? 0)] as const)
    .filter(([, used]) => used >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, used]) => `${kind} ${used.toFixed(1)} s`)
    .join(', ');
}

/** CPU seconds this process (the server, and the bench's own small part) used since `before`. */
function cpuSecondsSince(before: NodeJS.CpuUsage): string {
  const used = process.cpuUsage(before);
  return `${((used.user + used.system) / 1e6).toFixed(1)} s`;
}

/** Frames of more than 200 ms between `from` and `to` (page wall clock): count and longest. */
async function longFrames(page: Page, from: number, to: number): Promise<string> {
  const frames = await page.evaluate(() => (window as unknown as BenchWindow).__bench?.longFrames ?? []);
  const within = frames.filter(([start]) => start >= from - 1 && start <= to);
  if (within.length === 0) return 'none over 200 ms';
  const longest = Math.max(...within.map(([, length]) => length));
  const total = within.reduce((sum, [, length]) => sum + length, 0);
  return `${within.length} over 200 ms, ${seconds(total)} in all, the longest ${seconds(longest)}`;
}

async function main(): Promise<void> {
  const { scale, profileFile } = parseArguments(process.argv.slice(2));
  if (!existsSync(path.join(REPOSITORY_ROOT, 'client/dist/index.html')))
    throw new Error('client/dist is missing: run "npm run build" first');
  assertChromiumInstalled();
  console.log(
    `Import wizard benchmark — demo region at --scale ${scale} (Node ${process.version}, ${os.cpus().length} cores, load average ${load()})`,
  );

  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  };
  const interrupted = () => void cleanUp().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    let start = performance.now();
    const { files } = generateDemoRegion({ scale });
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lifecircle-wizard-bench-region-'));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder, name), text, 'utf8');
    const regionId = (JSON.parse(await readFile(path.join(folder, 'region.json'), 'utf8')) as { id: string })
      .id;
    // The file the analyst chooses: the region's own units, as the import bench sends them.
    const unitsFile = path.join(folder, 'units.geojson');
    const unitsBytes = Buffer.byteLength(files['units.geojson']);
    console.log(`region generated in ${seconds(performance.now() - start)}`);

    start = performance.now();
    const dataDirectory = await mkdtemp(path.join(os.tmpdir(), 'lifecircle-wizard-bench-db-'));
    cleanups.push(() => rm(dataDirectory, { recursive: true, force: true }));
    const database = await openEmbeddedDatabase(dataDirectory);
    try {
      await migrate(database);
      await loadRegionFolder(database, folder);
    } finally {
      await database.close();
    }
    const password = `bench-${randomBytes(12).toString('base64url')}`;
    const server: RunningServer = await startLifecircleServer({
      port: 0,
      dataDirectory,
      databaseUrl: null,
      adminPassword: password,
    });
    cleanups.push(() => server.close(1_000));
    const credentials = await signInAsFirstAdmin((url, init) => fetch(`${server.url}${url}`, init), password);
    const scenario = await fetch(`${server.url}/api/regions/${regionId}/scenarios`, {
      method: 'POST',
      headers: { ...credentials, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bench', basedOn: 'baseline' }),
    });
    if (!scenario.ok) throw new Error(`scenario: ${scenario.status} ${await scenario.text()}`);
    console.log(
      `server started on the embedded database with the region in ${seconds(performance.now() - start)}`,
    );

    const browser: Browser = await launchHeadlessChromium();
    cleanups.push(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    const cdp = await page.context().newCDPSession(page);
    const network = await watchNetwork(cdp);
    await page.addInitScript(USER_ACTIONS);

    // Signing in through the sign-in page, then the region's first draw.
    start = performance.now();
    await page.goto(`${server.url}/?region=${encodeURIComponent(regionId)}`);
    await page.getByTestId('sign-in-username').fill(FIRST_ADMIN_USERNAME);
    await page.getByTestId('sign-in-password').fill(password);
    await page.getByTestId('sign-in-submit').click();
    await whenTrue(page, { communitiesDrawn: true, absent: '.map-loading', deckLayers: '' });
    console.log(`signed in and the region drawn in ${seconds(performance.now() - start)}`);

    // The wizard: units, replacing the layer; then the file.
    await page.getByTestId('import-open').click();
    const wizard = page.getByTestId('import-wizard');
    await wizard.getByTestId('import-layer').selectOption('units');
    await wizard.getByTestId('import-replace').check();
    if (profileFile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    const importsUrl = `/api/regions/${regionId}/imports`;
    let cpuBefore = await chromiumCpuSeconds();
    let nodeBefore = process.cpuUsage();
    await wizard.getByTestId('import-file').setInputFiles(unitsFile);
    const chosen = await whenTrue(page, { mark: 'fileChosen' });
    const summaryShown = await whenTrue(page, { present: '[data-testid="import-summary"]' });
    const previewBuilt = await whenTrue(page, { deckBuilt: 'import-preview' });
    const previewDrawn = await whenTrue(page, { deckLayers: 'import-preview' });
    if (profileFile) {
      const { profile } = await cdp.send('Profiler.stop');
      await writeFile(profileFile, JSON.stringify(profile));
      console.log(`Chromium's CPU profile of the preview's wait written to ${profileFile}`);
    }
    const preview = await finishedRequest(
      network,
      (request) => request.method === 'POST' && new URL(request.url).pathname === importsUrl,
    );
    const featureCount = await wizard.getByTestId('import-feature-count').innerText();
    const from = (moment: number | undefined) => (moment === undefined ? '—' : seconds(moment - chosen));
    console.log(
      `\nPreview of units.geojson (${megabytes(unitsBytes)}, replace), load average ${load()}; from the file chosen:`,
    );
    console.log(`  request sent        ${from(preview.started)}`);
    console.log(`  upload done         ${from(preview.sent)}`);
    console.log(
      `  answer's headers    ${from(preview.headers)}   (the server's work: ${seconds(preview.headers! - preview.sent!)})`,
    );
    console.log(
      `  answer received     ${from(preview.finished)}   (${megabytes(preview.encodedBytes ?? 0)} over the wire, ${seconds(preview.finished! - preview.headers!)} after its headers; HTTP ${preview.status})`,
    );
    console.log(`  summary shown       ${from(summaryShown)}   (${featureCount.replace(/\s+/g, ' ')})`);
    console.log(
      `  map layer built     ${from(previewBuilt)}   (deck.gl's layer of the features made, drawn or not)`,
    );
    console.log(
      `  features drawn      ${from(previewDrawn)}   (${seconds(previewDrawn - preview.finished!)} in the browser after the answer)`,
    );
    console.log(`  long frames after the answer: ${await longFrames(page, preview.finished!, previewDrawn)}`);
    console.log(
      `  CPU used, file chosen → drawn: Chromium ${cpuUsedSince(cpuBefore, await chromiumCpuSeconds())}; the server (this process) ${cpuSecondsSince(nodeBefore)}`,
    );

    // Commit: accept the scenario's change when asked, then the map's layers load again.
    const accept = wizard.getByTestId('import-accept');
    const asked = (await accept.count()) > 0;
    if (asked) await accept.check();
    const commitButton = wizard.getByTestId('import-commit');
    cpuBefore = await chromiumCpuSeconds();
    nodeBefore = process.cpuUsage();
    await commitButton.click();
    const clicked = await whenTrue(page, { mark: 'commitClicked' });
    const successShown = await whenTrue(page, { present: '[data-testid="import-success"]' });
    const commit = await finishedRequest(
      network,
      (request) => request.method === 'POST' && request.url.endsWith('/commit'),
    );
    const unitsRead = await finishedRequest(
      network,
      (request) =>
        request.method === 'GET' &&
        new URL(request.url).pathname === `/api/regions/${regionId}/units` &&
        request.started > clicked,
    );
    const layerDrawn = await whenTrue(page, {
      communitiesDrawn: true,
      absent: '.map-loading',
      deckLayers: '',
    });
    const reads = network.filter(
      (request) =>
        request.method === 'GET' && request.started > commit.finished! && request.finished !== undefined,
    );
    const lastRead = Math.max(...reads.map((request) => request.finished!));
    const since = (moment: number | undefined) => (moment === undefined ? '—' : seconds(moment - clicked));
    console.log(
      `\nCommit${asked ? ' (the scenario change accepted)' : ''}, load average ${load()}; from Commit clicked:`,
    );
    console.log(`  answer's headers    ${since(commit.headers)}`);
    console.log(`  answer received     ${since(commit.finished)}`);
    console.log(`  wizard says so      ${since(successShown)}`);
    console.log(
      `  layers read again   ${since(lastRead)}   (${reads.length} reads; the units: ${megabytes(unitsRead.encodedBytes ?? 0)} over the wire, ${seconds(unitsRead.finished! - unitsRead.started)})`,
    );
    console.log(`  new layer drawn     ${since(layerDrawn)}`);
    console.log(`  long frames after the answer: ${await longFrames(page, commit.finished!, layerDrawn)}`);
    console.log(
      `  CPU used, Commit → drawn: Chromium ${cpuUsedSince(cpuBefore, await chromiumCpuSeconds())}; the server (this process) ${cpuSecondsSince(nodeBefore)}`,
    );
  } finally {
    await cleanUp();
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
