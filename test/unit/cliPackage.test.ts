import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createEntry } from '../../src/core/model/entries';
import { emptyBacklog, emptyDraft } from '../../src/core/model/model';
import { serializeBacklog } from '../../src/core/file/serialize';

const root = path.resolve(__dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * The npm package as people get it: `npm pack`, then `npm install -g` of the tarball into a temporary
 * prefix and `npm exec` from it, both offline. That works only if the tarball needs nothing from the
 * registry: the command line's dependencies are bundled into dist/cli.js by esbuild.
 */
describe('the stupid-work npm package', function () {
  this.timeout(180000);
  let work: string;
  let tarball: string;
  let env: NodeJS.ProcessEnv;

  before(async function () {
    assert.ok(existsSync(path.join(root, 'dist', 'cli.js')), 'dist/cli.js is built (npm test builds before this layer)');
    work = await mkdtemp(path.join(tmpdir(), 'stupid-work-pack-'));
    // A cache of its own: the installs below cannot be served from packages cached by earlier installs.
    env = { ...process.env, npm_config_cache: path.join(work, 'cache'), npm_config_update_notifier: 'false', NO_COLOR: '1', XDG_CONFIG_HOME: path.join(work, 'config') };
    const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8', env })) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(work, packed[0].filename);
    assert.deepEqual(
      packed[0].files.map((f) => f.path).sort(),
      ['README.md', 'dist/cli.js', 'dist/codicons/codicon.css', 'dist/codicons/codicon.ttf', 'dist/report/page.js', 'media/board.css', 'media/controls.css', 'media/report.css', 'package.json'],
      'the package holds the command line alone, and what its report inlines',
    );
  });
  after(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('declares no dependency to install: everything the command line runs is in dist/cli.js', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin: Record<string, string>; dependencies?: object };
    assert.equal(manifest.dependencies, undefined);
    assert.equal(manifest.bin['stupid-work'], './dist/cli.js');
    assert.match(readFileSync(path.join(root, 'dist', 'cli.js'), 'utf8'), /^#!\/usr\/bin\/env node\n/);
  });

  it('runs after npm install -g of the tarball, offline, and through npm exec from it', async () => {
    const prefix = path.join(work, 'prefix');
    execFileSync(npm, ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], { encoding: 'utf8', env });
    const bin = process.platform === 'win32' ? path.join(prefix, 'stupid-work.cmd') : path.join(prefix, 'bin', 'stupid-work');
    const repo = path.join(work, 'repo');
    await mkdir(repo);
    spawnSync('git', ['init', '-q'], { cwd: repo });
    const entry = createEntry({ ...emptyDraft(), title: 'Packed and listed' }, { name: 'a' }, new Date());
    await writeFile(path.join(repo, 'stupid-work.json'), serializeBacklog({ ...emptyBacklog(), entries: [entry] }));

    const help = spawnSync(bin, ['--help'], { cwd: repo, encoding: 'utf8', env, shell: process.platform === 'win32' });
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /^Usage: stupid-work /);
    const listed = spawnSync(bin, ['list', '--json'], { cwd: repo, encoding: 'utf8', env, shell: process.platform === 'win32' });
    assert.equal(listed.status, 0, listed.stderr);
    assert.deepEqual((JSON.parse(listed.stdout) as { title: string }[]).map((c) => c.title), ['Packed and listed']);
    const report = spawnSync(bin, ['report', '--out', 'site'], { cwd: repo, encoding: 'utf8', env, shell: process.platform === 'win32' });
    assert.equal(report.status, 0, report.stderr);
    assert.match(readFileSync(path.join(repo, 'site', 'index.html'), 'utf8'), /Packed and listed/);

    const npx = spawnSync(npm, ['exec', '--offline', '--yes', `--package=${tarball}`, '--', 'stupid-work', 'list', '--json'], { cwd: repo, encoding: 'utf8', env });
    assert.equal(npx.status, 0, npx.stderr);
    assert.deepEqual((JSON.parse(npx.stdout) as { title: string }[]).map((c) => c.title), ['Packed and listed']);
  });
});
