// Runs the extension in a real VS Code: code-server (VS Code's server with a Node extension host)
// driven by headless Chromium. Used by the test runner, the demo, the bench and the browser tests.
import { spawn } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, CODE_SERVER_BIN, CODE_SERVER_ENTRY, HOST_CACHE_DIR, NODE24_BIN, NODE24_DIR, ROOT } from './bootstrap.mjs';

export const paths = {
  root: ROOT,
  cacheDir: join(ROOT, '.cache'),
  hostCacheDir: HOST_CACHE_DIR,
  runsDir: join(ROOT, '.cache', 'run'),
  node24Bin: NODE24_BIN,
  codeServerBin: CODE_SERVER_BIN,
  chromium: process.env.CHROMIUM ?? CHROMIUM,
};

export const EXTENSION_ID = 'stupid-work.stupid-work';

const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// Quiet, deterministic workbench: no welcome page, no tips, no AI panels, no update or telemetry calls.
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.openRepositoryInParentFolders': 'never',
};

const live = new Set();
let handlersInstalled = false;

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function timestamp() {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/** Runs kept under .cache/run/; older ones go, unless they may still be in use (younger than a day). */
const KEEP_RUNS = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

function pruneRunDirs() {
  if (!existsSync(paths.runsDir)) {
    return;
  }
  const runs = readdirSync(paths.runsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(paths.runsDir, d.name))
    .sort()
    .reverse();
  for (const dir of runs.slice(KEEP_RUNS)) {
    if (Date.now() - statSync(dir).mtimeMs > DAY_MS) {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** A fresh folder under .cache/run/ for one run's logs, workspaces and server state. */
export function newRunDir(label) {
  pruneRunDirs();
  const dir = join(paths.runsDir, label ? `${timestamp()}-${label}` : timestamp());
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function healthy(url) {
  return new Promise((resolve) => {
    const request = get(url, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.setTimeout(2000, () => request.destroy());
  });
}

function tail(file, lines = 40) {
  return existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '(no log)';
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Servers run in their own process group, so Ctrl+C or a crash here must end them explicitly. */
function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => {
    for (const server of live) signalGroup(server.pid, 'SIGKILL');
  });
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.once(signal, () => {
      void Promise.all([...live].map((server) => server.stop())).finally(() => process.exit(code));
    });
  }
}

/**
 * Starts code-server on 127.0.0.1 with no auth. `--vscode-option enable-smoke-test-driver` makes the
 * workbench honour the `payload` URL parameter (development extensions, tests) and report the tests' exit code.
 */
export async function startCodeServer({ workspace, runDir, userDataDir, extensionsDir, port, settings = {} }) {
  if (!existsSync(CODE_SERVER_ENTRY)) throw new Error('code-server is not installed; run: node test/harness/bootstrap.mjs --host');
  const dir = runDir ?? newRunDir('code-server');
  const home = join(dir, 'home');
  const tmp = join(dir, 'tmp');
  const userData = userDataDir ?? join(dir, 'user-data');
  const extensions = extensionsDir ?? join(dir, 'extensions');
  for (const d of [home, tmp, join(userData, 'User'), extensions]) mkdirSync(d, { recursive: true });
  const settingsFile = join(userData, 'User', 'settings.json');
  if (!existsSync(settingsFile)) writeFileSync(settingsFile, `${JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2)}\n`);

  const chosenPort = port ?? (await freePort());
  const config = join(dir, 'code-server.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${chosenPort}\nauth: none\ncert: false\n`);
  const logFile = join(dir, 'code-server.log');
  const args = [
    CODE_SERVER_ENTRY,
    '--config', config,
    '--bind-addr', `127.0.0.1:${chosenPort}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', userData,
    '--extensions-dir', extensions,
    // An extension host whose page has closed would otherwise linger for hours.
    '--reconnection-grace-time', '10',
    '--vscode-option', 'enable-smoke-test-driver',
    workspace,
  ];
  const fd = openSync(logFile, 'a');
  // HOME and TMPDIR keep its config, device id and IPC sockets inside the run folder.
  const child = spawn(NODE24_BIN, args, {
    cwd: dir,
    detached: true,
    stdio: ['ignore', fd, fd],
    // The ceiling keeps git from finding a repository above the workspace (this checkout's, when it runs
    // under .cache/), so the extension never writes to it, as it would not in a real workspace.
    env: {
      ...process.env,
      HOME: home,
      TMPDIR: tmp,
      PATH: `${join(NODE24_DIR, 'bin')}:${process.env.PATH}`,
      GIT_CEILING_DIRECTORIES: workspace.endsWith('.code-workspace') ? dirname(dirname(workspace)) : dirname(workspace),
    },
  });
  closeSync(fd);
  let exited = false;
  const exit = new Promise((resolve) => child.once('exit', () => {
    exited = true;
    resolve();
  }));

  const url = `http://127.0.0.1:${chosenPort}`;
  const server = {
    pid: child.pid,
    port: chosenPort,
    url,
    runDir: dir,
    logFile,
    async stop() {
      if (!live.delete(server)) return;
      signalGroup(child.pid, 'SIGTERM');
      let timer;
      await Promise.race([exit, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
      clearTimeout(timer);
      // Extension hosts and file watchers may outlive the server process itself.
      signalGroup(child.pid, 'SIGKILL');
    },
  };
  live.add(server);
  installHandlers();

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) {
      live.delete(server);
      throw new Error(`code-server exited during startup; ${logFile}:\n${tail(logFile)}`);
    }
    if (await healthy(`${url}/healthz`)) return server;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`code-server did not answer ${url}/healthz within 60s; ${logFile}:\n${tail(logFile)}`);
    }
    await delay(100);
  }
}

export function launchBrowser() {
  return chromium.launch({ executablePath: paths.chromium, headless: true, args: BROWSER_ARGS });
}

/** The URI the workbench uses for a path on the server: its authority must be exactly the page's host. */
export function remoteUri(port, absolutePath) {
  return `vscode-remote://127.0.0.1:${port}${pathToFileURL(absolutePath).pathname}`;
}

/** Payload entries that load extensions from source, as `--extensionDevelopmentPath` does on the desktop. */
export function developmentPayload(port, extensionPaths = [ROOT]) {
  return extensionPaths.map((p) => ['extensionDevelopmentPath', remoteUri(port, p)]);
}

/** `?workspace=` for a .code-workspace file, `?folder=` for a directory. */
export function workbenchUrl(port, folderOrWorkspaceFile, payload) {
  const kind = folderOrWorkspaceFile.endsWith('.code-workspace') ? 'workspace' : 'folder';
  let url = `http://127.0.0.1:${port}/?${kind}=${encodeURIComponent(folderOrWorkspaceFile)}`;
  if (payload?.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

// Errors that are not the extension's: the offline marketplace and telemetry, missing optional files,
// and the workbench's own code (served from /stable-<commit>/static/), e.g. requests cancelled at shutdown.
const NOISE = /Failed to load resource|ENOTFOUND|open-vsx|vsda|authentication provider|net::ERR_|^Canceled|\/stable-[0-9a-f]+\/static\//;
// The workbench's own start-up chatter, which arrives on the same channel as the extension host's console.
const CHATTER = /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions cache|\[(reconnection-grace-time|Service Worker|AgentHost[^\]]*|AccountPolicyGate|driver)\])/;

/**
 * Loads the extension from source and runs `testsModule`'s `run()` in the extension host, like
 * @vscode/test-electron does. Resolves with the extension host's exit code (0 = passed), or 124 on timeout.
 */
export async function runExtensionTests({ port, workspace, testsModule, env = {}, timeoutMs = 300_000, logDir, extensionDevelopmentPaths = [ROOT], quiet = false }) {
  const payload = [
    ...developmentPayload(port, extensionDevelopmentPaths),
    ['extensionTestsPath', remoteUri(port, testsModule)],
    ['extensionEnvironment', JSON.stringify(env)],
  ];
  if (logDir) mkdirSync(logDir, { recursive: true });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let finish;
    const exited = new Promise((resolve) => (finish = resolve));
    // The smoke-test driver forwards the extension host's console here; it is where mocha's report arrives.
    const consoleLog = logDir ? join(logDir, 'console.log') : undefined;
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (consoleLog) appendFileSync(consoleLog, `[${type}] ${line}\n`);
      if (type === 'error' || type === 'warn') {
        if (!NOISE.test(line)) console.error(line);
      } else if (!quiet && !CHATTER.test(line)) {
        console.log(line);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      if (logDir && Array.isArray(logs)) {
        for (const { relativePath, contents } of logs) {
          const file = join(logDir, relativePath);
          mkdirSync(join(file, '..'), { recursive: true });
          writeFileSync(file, contents);
        }
      }
      finish(code);
    });
    page.on('pageerror', (error) => console.error(`workbench error: ${error.message}`));
    await page.goto(workbenchUrl(port, workspace, payload), { waitUntil: 'domcontentloaded' });
    let timer;
    const code = await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(() => resolve(124), timeoutMs)))]);
    clearTimeout(timer);
    if (code === 124) {
      console.error(`extension tests did not finish within ${timeoutMs / 1000}s`);
      if (logDir) await page.screenshot({ path: join(logDir, 'timeout.png') }).catch(() => undefined);
    }
    return code;
  } finally {
    await browser.close();
  }
}
