// `npm run demo`: the extension on a fresh clone of a small sample repository whose remote already has
// the team's backlog branch: the backlog arrives on its own, with no command.
// Opens desktop VS Code when `code` is on PATH, otherwise serves VS Code on 127.0.0.1 until Ctrl+C.
// `--check` starts everything, verifies in headless Chromium that the extension shows its views, and exits.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Ajv from 'ajv';
import { developmentPayload, launchBrowser, paths, startCodeServer, workbenchUrl } from '../harness/host.mjs';

const ROOT = paths.root;
const DEMO_DIR = join(paths.cacheDir, 'demo');
const REMOTE = join(DEMO_DIR, 'remote.git');
const LEAD = join(DEMO_DIR, 'lead');
const WORKSPACE = join(DEMO_DIR, 'workspace');
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
  const shared = spawnSync(process.execPath, [CLI, 'sync', '--yes'], { cwd: LEAD, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
  if (shared.status !== 0) throw new Error(`the lead could not share the backlog: ${shared.stderr}`);
  git(['clone', '--quiet', REMOTE, WORKSPACE]);
  // The extension takes the author's name from the repository's git config.
  git(['config', 'user.name', DEMO_USER.name], WORKSPACE);
  git(['config', 'user.email', DEMO_USER.email], WORKSPACE);
  return WORKSPACE;
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
  } catch (error) {
    const shot = join(ROOT, 'test-results', 'demo-check.png');
    mkdirSync(dirname(shot), { recursive: true });
    await page.screenshot({ path: shot }).catch(() => undefined);
    throw new Error(`${error.message}\nscreenshot: ${shot}`, { cause: error });
  } finally {
    await browser.close();
  }
}

async function main() {
  step('extension built', build);
  step(`seed backlog checked, ${checkSeed()}`, () => undefined);
  const workspace = step('sample repository and its backlog branch created in .cache/demo/', createRepositories);

  if (!CHECK && !CI && onPath('code')) {
    console.log(`demo: opening ${workspace} in VS Code with the extension loaded from source`);
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
