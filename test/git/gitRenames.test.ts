import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { followRenames } from '../../src/adapters/codeLinks/gitRenames';
import { anchorLinks, createCodeLink, splitLines } from '../../src/core/codeLinks/codeLinks';
import { createTeam, type Team, type Teammate } from './teamRepos';

/** A source file long enough for git's rename detection to see past a small edit. */
function reportSource(): string {
  const lines = Array.from({ length: 30 }, (_, i) => `export const setting${i} = load('setting-${i}');`);
  lines.splice(12, 0, 'export function buildWeeklyReport(rows) {', '  const totals = sumByTeam(rows);', '  return renderChart(totals);', '}');
  return `${lines.join('\n')}\n`;
}

describe('following renames of linked files in git', function () {
  this.timeout(60000);
  let team: Team;
  let dev: Teammate;

  beforeEach(async () => {
    team = await createTeam(['dev']);
    [dev] = team.clones;
  });
  afterEach(async () => {
    await team.cleanup();
  });

  async function put(relative: string, content: string): Promise<void> {
    await mkdir(path.dirname(path.join(dev.dir, relative)), { recursive: true });
    await writeFile(path.join(dev.dir, relative), content);
  }

  async function commitAll(message: string): Promise<void> {
    await dev.git.add('.');
    await dev.git.commit(message);
  }

  it('follows a committed `git mv` with a small edit, and the link finds its code in the renamed file', async () => {
    await put('src/report.ts', reportSource());
    await put('README.md', 'Reports\n');
    await commitAll('Add the report');
    const link = createCodeLink('src/report.ts', splitLines(reportSource()), 13, 16);

    await dev.git.mv('src/report.ts', 'src/weeklyReport.ts');
    const edited = `// Sent every Monday.\n${reportSource().replace('setting3 ', 'setting3b ')}`;
    await writeFile(path.join(dev.dir, 'src/weeklyReport.ts'), edited);
    await commitAll('Rename the report');

    const renamed = await followRenames(dev.dir, 'src/report.ts');
    assert.equal(renamed, 'src/weeklyReport.ts');
    const [anchor] = anchorLinks([{ ...link, path: renamed }], splitLines(await readFile(path.join(dev.dir, renamed), 'utf8')));
    assert.deepEqual(anchor, { state: 'moved', startLine: 14, endLine: 17 });
  });

  it('follows a chain of two renames', async () => {
    await put('a.ts', reportSource());
    await commitAll('a');
    await dev.git.mv('a.ts', 'b.ts');
    await commitAll('a to b');
    await put('README.md', 'Unrelated\n');
    await commitAll('unrelated');
    await mkdir(path.join(dev.dir, 'lib'));
    await dev.git.mv('b.ts', 'lib/c.ts');
    await commitAll('b to c');
    assert.equal(await followRenames(dev.dir, 'a.ts'), 'lib/c.ts');
    assert.equal(await followRenames(dev.dir, 'b.ts'), 'lib/c.ts');
  });

  it('follows a staged rename, also after committed ones', async () => {
    await put('a.ts', reportSource());
    await commitAll('a');
    await dev.git.mv('a.ts', 'b.ts');
    assert.equal(await followRenames(dev.dir, 'a.ts'), 'b.ts');
    await commitAll('a to b');
    await dev.git.mv('b.ts', 'c.ts');
    assert.equal(await followRenames(dev.dir, 'a.ts'), 'c.ts');
  });

  it('takes the latest rename of a reused path, and a file renamed back as not renamed', async () => {
    await put('report.ts', reportSource());
    await commitAll('report');
    await dev.git.mv('report.ts', 'old-report.ts');
    await commitAll('keep the old one aside');
    await put('report.ts', reportSource().replace(/setting/g, 'option'));
    await commitAll('a new report');
    await dev.git.mv('report.ts', 'new-report.ts');
    await commitAll('rename the new one');
    assert.equal(await followRenames(dev.dir, 'report.ts'), 'new-report.ts');
    await dev.git.mv('new-report.ts', 'report.ts');
    await commitAll('rename it back');
    assert.equal(await followRenames(dev.dir, 'report.ts'), undefined);
  });

  it('works from a workspace folder below the repository root, in that folder\'s paths', async () => {
    await put('packages/app/src/report.ts', reportSource());
    await commitAll('app');
    await mkdir(path.join(dev.dir, 'packages/app/lib'));
    await dev.git.mv('packages/app/src/report.ts', 'packages/app/lib/report.ts');
    await commitAll('move into lib');
    const folder = path.join(dev.dir, 'packages/app');
    assert.equal(await followRenames(folder, 'src/report.ts'), 'lib/report.ts');
    await dev.git.mv('packages/app/lib/report.ts', 'shared-report.ts');
    assert.equal(await followRenames(folder, 'src/report.ts'), undefined, 'renamed out of the folder');
  });

  it('answers undefined for a path that was never renamed, or whose file was deleted after its rename', async () => {
    await put('a.ts', reportSource());
    await put('kept.ts', 'export const kept = true;\n');
    await commitAll('a');
    assert.equal(await followRenames(dev.dir, 'kept.ts'), undefined);
    assert.equal(await followRenames(dev.dir, 'never-there.ts'), undefined);
    await dev.git.mv('a.ts', 'b.ts');
    await commitAll('a to b');
    await dev.git.rm(['b.ts']);
    await commitAll('drop b');
    assert.equal(await followRenames(dev.dir, 'a.ts'), undefined);
  });

  it('looks back over the last 1,000 commits only', async () => {
    const commit = (message: string, ...changes: string[]) =>
      `commit refs/heads/main\ncommitter dev <dev@example.com> 1700000000 +0000\ndata ${message.length}\n${message}\n${changes.join('\n')}\n`;
    const file = (name: string, content: string) => `M 100644 inline ${name}\ndata ${content.length}\n${content}`;
    const stream = [
      commit('start', file('a.ts', reportSource()), file('c.ts', reportSource().replace(/setting/g, 'option'))),
      commit('c to d', 'R c.ts d.ts'),
      ...Array.from({ length: 500 }, (_, i) => commit(`note ${i}`, file('notes.txt', `${i}\n`))),
      commit('a to b', 'R a.ts b.ts'),
      ...Array.from({ length: 600 }, (_, i) => commit(`later note ${i}`, file('notes.txt', `later ${i}\n`))),
    ];
    execFileSync('git', ['fast-import', '--quiet'], { cwd: dev.dir, input: stream.join('') });
    await dev.git.raw(['reset', '--hard', 'main']);
    assert.equal(await followRenames(dev.dir, 'a.ts'), 'b.ts');
    assert.equal(await followRenames(dev.dir, 'c.ts'), undefined, '1,101 commits back');
  });

  it('answers undefined on a branch with no commits yet', async () => {
    assert.equal(await followRenames(dev.dir, 'a.ts'), undefined);
  });
});

describe('following renames outside a repository', function () {
  this.timeout(30000);
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'stupid-work-norepo-'));
    await writeFile(path.join(dir, 'a.ts'), 'export const a = 1;\n');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('answers undefined in a folder that is not a repository, or does not exist', async () => {
    // GIT_CEILING_DIRECTORIES keeps git from finding a repository above the temp folder.
    const ceiling = process.env.GIT_CEILING_DIRECTORIES;
    process.env.GIT_CEILING_DIRECTORIES = path.dirname(dir);
    try {
      assert.equal(await followRenames(dir, 'a.ts'), undefined);
      assert.equal(await followRenames(path.join(dir, 'nowhere'), 'a.ts'), undefined);
    } finally {
      if (ceiling === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
      else process.env.GIT_CEILING_DIRECTORIES = ceiling;
    }
  });

  it('answers undefined when git is not installed', async () => {
    const saved = process.env.PATH;
    process.env.PATH = dir;
    try {
      assert.equal(await followRenames(dir, 'a.ts'), undefined);
    } finally {
      process.env.PATH = saved;
    }
  });
});
