// `npm run demo`: the extension on a fresh clone of a small sample repository whose remote already has
// the team's backlog branch, with a retro running: the backlog arrives on its own, with no command, and a
// few seconds later so do a teammate's new entry, vote and comment, pushed from a second clone.
// Opens desktop VS Code when `code` is on PATH, otherwise serves VS Code on 127.0.0.1 until Ctrl+C.
// `--check` starts everything, verifies in headless Chromium that the extension shows its views, and exits.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import Ajv from 'ajv';
import { developmentPayload, launchBrowser, paths, startCodeServer, workbenchUrl } from '../harness/host.mjs';

const ROOT = paths.root;
const DEMO_DIR = join(paths.cacheDir, 'demo');
const REMOTE = join(DEMO_DIR, 'remote.git');
const LEAD = join(DEMO_DIR, 'lead');
const WORKSPACE = join(DEMO_DIR, 'workspace');
const TEAMMATE_DIR = join(DEMO_DIR, 'teammate');
const TEAMMATE_SCRIPT = join(ROOT, 'test', 'demo', 'teammate.ts');
/** How long after the newcomer's backlog arrives the teammate acts: long enough to look around first. */
const TEAMMATE_DELAY_MS = 8000;
// What the teammate does, as test/demo/teammate.ts writes it.
const TEAMMATE_ENTRY = 'Expense reports need a printed signature';
const VOTED_ENTRY = '01M6DRJXY0AATNXCZRA7J24NB9';
const CLI = join(ROOT, 'dist', 'cli.js');
const SEED = join(ROOT, 'test', 'demo', 'seed.json');
const CHECK = process.argv.includes('--check');
const CI = Boolean(process.env.CI) && !['false', '0'].includes(process.env.CI);

// A fixed identity and date make the demo repository the same on every machine.
const DEMO_USER = { name: 'Demo Lead', email: 'lead@example.com' };
const GIT_ENV = {
  GIT_AUTHOR_NAME: DEMO_USER.name,
  GIT_AUTHOR_EMAIL: DEMO_USER.email,
  GIT_COMMITTER_NAME: DEMO_USER.name,
  GIT_COMMITTER_EMAIL: DEMO_USER.email,
  GIT_AUTHOR_DATE: '2026-11-20T12:00:00Z',
  GIT_COMMITTER_DATE: '2026-11-20T12:00:00Z',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
};

const SAMPLE_FILES = {
  'README.md': `# Invoice service

Sends invoices to customers and collects payments.

- \`scripts/weekly-report.sh\` mails the weekly commit digest.
- The team's Stupid Work backlog lives on the \`stupid-work\` branch of the remote. The extension brings it into
  \`stupid-work.json\` here, outside \`git status\`: open the Stupid Work view in the activity bar.
`,
  'scripts/weekly-report.sh': `#!/usr/bin/env bash
# Mails last week's commits, grouped by author, to the whole department every Monday.
set -euo pipefail
since=$(date -d 'last monday -7 days' +%F)
git log --since="$since" --pretty='%an|%s' | sort > /tmp/weekly-report.txt
awk -F'|' '{ print "<li><b>" $1 "</b> " $2 "</li>" }' /tmp/weekly-report.txt > weekly-report.html
mail -a 'Content-Type: text/html' -s "Weekly report $since" dept-all@example.com < weekly-report.html
`,
};
const LINKED_FILE = 'scripts/weekly-report.sh';

function step(label, action) {
  const started = performance.now();
  const result = action();
  console.log(`demo: ${label} (${((performance.now() - started) / 1000).toFixed(1)}s)`);
  return result;
}

function build() {
  const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the extension does not build (node esbuild.mjs failed)');
}

/** The seed must be a file the extension accepts as is, or the demo would open on an error. */
function checkSeed() {
  const text = readFileSync(SEED, 'utf8');
  const seed = JSON.parse(text);
  const schema = JSON.parse(readFileSync(join(ROOT, 'media', 'stupid-work.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true }).compile(schema);
  assert.ok(validate(seed), `seed.json breaks the schema: ${JSON.stringify(validate.errors, null, 2)}`);
  const ids = seed.entries.map((e) => e.id);
  for (const id of ids) assert.match(id, /^[0-9A-HJKMNP-TV-Z]{26}$/, `${id} is a ULID`);
  assert.deepEqual(ids, [...new Set(ids)].sort(), 'entry ids are unique and sorted');
  assert.ok(ids.length >= 8 && ids.length <= 12, `8 to 12 entries, not ${ids.length}`);
  assert.equal(text, `${JSON.stringify(seed, null, 2)}\n`, 'seed.json is 2-space indented with a trailing newline');
  const lineCount = SAMPLE_FILES[LINKED_FILE].split('\n').length - 1;
  for (const link of seed.entries.flatMap((e) => e.links ?? [])) {
    assert.ok(link.path in SAMPLE_FILES, `link to ${link.path} points into the sample project`);
    assert.ok(link.endLine <= lineCount, `link ${link.path}:${link.startLine}-${link.endLine} is inside the file`);
  }
  return `${ids.length} entries`;
}

function git(args, cwd = DEMO_DIR) {
  const result = spawnSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
  if (result.error) throw new Error(`git is needed for the demo: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed:\n${result.stderr}`);
}

/**
 * A bare "team remote": the lead pushes the sample project to main and shares the backlog on its own
 * branch with the command line. The workspace is a fresh clone, as a newcomer would make.
 */
function createRepositories() {
  rmSync(DEMO_DIR, { recursive: true, force: true });
  mkdirSync(DEMO_DIR, { recursive: true });
  git(['init', '--quiet', '--bare', '--initial-branch=main', REMOTE]);
  git(['clone', '--quiet', REMOTE, LEAD]);
  git(['checkout', '--quiet', '-B', 'main'], LEAD);
  for (const [file, content] of Object.entries(SAMPLE_FILES)) {
    mkdirSync(dirname(join(LEAD, file)), { recursive: true });
    writeFileSync(join(LEAD, file), content);
  }
  chmodSync(join(LEAD, LINKED_FILE), 0o755);
  git(['add', '--all'], LEAD);
  git(['commit', '--quiet', '-m', 'Invoice service'], LEAD);
  git(['push', '--quiet', '--set-upstream', 'origin', 'main'], LEAD);
  writeFileSync(join(LEAD, 'stupid-work.json'), readFileSync(SEED));
  teammate('start-retro', LEAD);
  const shared = spawnSync(process.execPath, [CLI, 'sync', '--yes'], { cwd: LEAD, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
  if (shared.status !== 0) throw new Error(`the lead could not share the backlog: ${shared.stderr}`);
  git(['clone', '--quiet', REMOTE, WORKSPACE]);
  // The extension takes the author's name from the repository's git config.
  git(['config', 'user.name', DEMO_USER.name], WORKSPACE);
  git(['config', 'user.email', DEMO_USER.email], WORKSPACE);
  git(['clone', '--quiet', REMOTE, TEAMMATE_DIR]);
  return WORKSPACE;
}

/** Runs test/demo/teammate.ts, which changes a clone's backlog through the extension's own core. */
function teammate(command, clone) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', TEAMMATE_SCRIPT, command, clone], { cwd: ROOT, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`teammate ${command} failed: ${result.stderr}`);
}

/** The teammate adds an entry, votes on the weekly report and comments on it, then syncs from their clone. */
function teammateArrives() {
  teammate('arrive', TEAMMATE_DIR);
  console.log(`demo: a teammate added "${TEAMMATE_ENTRY}", voted on the weekly report and commented; watch the Backlog, the status bar and the board`);
}

/** Once the newcomer's window has received the backlog, the teammate acts a few seconds later. */
function teammateSoon() {
  const poll = setInterval(() => {
    if (!existsSync(join(WORKSPACE, 'stupid-work.json'))) return;
    clearInterval(poll);
    setTimeout(() => {
      try {
        teammateArrives();
      } catch (error) {
        console.error(`demo: ${error.message}`);
      }
    }, TEAMMATE_DELAY_MS);
  }, 500);
  poll.unref();
}

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return dir !== '';
    } catch {
      return false;
    }
  });
}

/**
 * Waits until the sidebar shows the Backlog tree with rows, which needs the extension active and the
 * file loaded, and your open decisions at its top, which needs the retro data and your git identity.
 */
async function verify(url) {
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const item = page.locator('.part.activitybar [aria-label^="Stupid Work"]').first();
    await item.waitFor({ timeout: 60000 });
    await item.click();
    const backlog = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header h3.title', { hasText: /^Backlog$/i }) });
    await backlog.locator('.monaco-list-row').first().waitFor({ timeout: 60000 });
    // The seed gives the demo's own git identity an overdue decision from the last retro.
    await backlog.locator('.monaco-list-row', { hasText: 'Your open decisions' }).first().waitFor({ timeout: 30000 });
    // The backlog came from the branch: the fresh clone has no new commit, and git status stays clean.
    const status = spawnSync('git', ['status', '--porcelain'], { cwd: WORKSPACE, encoding: 'utf8' }).stdout;
    assert.equal(status, '', 'the working copy is kept out of git status');
    await teammateArrival(page, item, backlog);
  } catch (error) {
    const shot = join(ROOT, 'test-results', 'demo-check.png');
    mkdirSync(dirname(shot), { recursive: true });
    await page.screenshot({ path: shot }).catch(() => undefined);
    throw new Error(`${error.message}\nscreenshot: ${shot}`, { cause: error });
  } finally {
    await browser.close();
  }
}

/**
 * The newcomer opens the Retro Board and closes the sidebar; the teammate then acts, and the newcomer's
 * window shows it with no command: the Backlog's badge, "Live retro" in the status bar, and the board.
 */
async function teammateArrival(page, item, backlog) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Stupid Work: Open Retro Board');
  await page.locator('.quick-input-list .monaco-list-row[aria-label^="Stupid Work: Open Retro Board"]').first().click({ timeout: 20000 });
  const board = await boardFrame(page);
  await page.locator('.statusbar-item', { hasText: 'Live retro' }).first().waitFor({ timeout: 30000 });
  await item.click();
  await backlog.waitFor({ state: 'hidden', timeout: 10000 });
  teammateArrives();
  await board.waitForFunction((id) => globalThis.document.querySelector(`#vote-${id} .count`)?.textContent === '3', VOTED_ENTRY, { timeout: 30000 });
  await board.waitForFunction((title) => globalThis.document.getElementById('board')?.textContent?.includes(title) ?? false, TEAMMATE_ENTRY, { timeout: 10000 });
  await board.waitForSelector('#live-status', { timeout: 10000 });
  const badge = page.locator('.part.activitybar .action-item', { has: page.locator('[aria-label^="Stupid Work"]') }).locator('.badge-content');
  await badge.filter({ hasText: '1' }).first().waitFor({ timeout: 10000 });
}

/** Polls every frame until one holds the Retro Board's columns. */
async function boardFrame(page) {
  const end = Date.now() + 60000;
  for (;;) {
    for (const frame of page.frames()) {
      if (await frame.$('#board #columns').catch(() => null)) return frame;
    }
    if (Date.now() > end) throw new Error('the Retro Board did not open');
    await page.waitForTimeout(250);
  }
}

async function main() {
  step('extension built', build);
  step(`seed backlog checked, ${checkSeed()}`, () => undefined);
  const workspace = step('sample repository and its backlog branch created in .cache/demo/', createRepositories);

  if (!CHECK && !CI && onPath('code')) {
    console.log(`demo: opening ${workspace} in VS Code with the extension loaded from source`);
    teammateSoon();
    const code = spawn('code', [`--extensionDevelopmentPath=${ROOT}`, workspace], { stdio: 'inherit' });
    return new Promise((resolve) => code.on('close', (status) => resolve(status ?? 1)));
  }

  const started = performance.now();
  const server = await startCodeServer({ workspace, runDir: join(DEMO_DIR, 'code-server') });
  const url = workbenchUrl(server.port, workspace, developmentPayload(server.port));
  console.log(`demo: code-server started (${((performance.now() - started) / 1000).toFixed(1)}s), log: ${server.logFile}`);

  if (CHECK) {
    try {
      await verify(url);
      console.log('demo check: OK');
      return 0;
    } finally {
      await server.stop();
    }
  }

  console.log(`\nOpen this URL in a browser:\n\n  ${url}\n\nPress Ctrl+C to stop.`);
  teammateSoon();
  process.once('SIGINT', () => console.log('\ndemo: stopping code-server'));
  process.once('SIGTERM', () => console.log('demo: stopping code-server'));
  // Runs until a signal; host.mjs stops the server then.
  return new Promise(() => undefined);
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`demo: FAILED: ${error.message}`);
  process.exitCode = 1;
}
