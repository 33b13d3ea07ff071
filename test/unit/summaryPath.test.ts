import { english } from '../../src/core/text/english';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { resolveSummaryPath, summaryTarget } from '../../src/core/retro/summaryPath';

const FOLDER = path.resolve('/work/repo');
const DATE = '2026-11-23';

function rejected(setting: string): string {
  const r = resolveSummaryPath(FOLDER, setting, DATE);
  if (r.ok) assert.fail(`expected ${JSON.stringify(setting)} to be rejected, got ${r.path}`);
  return english(r.message);
}

describe('summaryTarget and resolveSummaryPath', () => {
  it('keeps summaries on the backlog branch, as retros/<date>.md, while the setting is unset or blank', () => {
    for (const setting of [undefined, '', '   ']) {
      assert.deepEqual(summaryTarget(FOLDER, setting, DATE), { kind: 'branch', branchPath: 'retros/2026-11-23.md' });
    }
  });

  it('saves into the code tree at the path the person chose, checked like any folder file', () => {
    assert.deepEqual(summaryTarget(FOLDER, 'docs/retros/{date}.md', DATE), {
      kind: 'folder',
      file: { ok: true, path: path.join(FOLDER, 'docs', 'retros', '2026-11-23.md'), relative: 'docs/retros/2026-11-23.md' },
    });
    const outside = summaryTarget(FOLDER, '../x.md', DATE);
    assert.ok(outside.kind === 'folder' && !outside.file.ok);
  });

  it('accepts relative Markdown paths inside the folder, in either separator style', () => {
    assert.deepEqual(resolveSummaryPath(FOLDER, 'notes\\retro-{date}.markdown', DATE), {
      ok: true,
      path: path.join(FOLDER, 'notes', 'retro-2026-11-23.markdown'),
      relative: 'notes/retro-2026-11-23.markdown',
    });
    assert.deepEqual(resolveSummaryPath(FOLDER, './a/../RETRO.MD', DATE), { ok: true, path: path.join(FOLDER, 'RETRO.MD'), relative: 'RETRO.MD' });
  });

  it('rejects paths that leave the folder', () => {
    for (const setting of ['../x.md', 'a/../../{date}.md', '..\\x.md', './../x.md']) {
      assert.equal(
        rejected(setting),
        `The setting stupidWork.retro.summaryPath points outside the workspace folder ("${setting}"). It must name a Markdown file inside the workspace folder, such as "docs/retros/{date}.md".`,
      );
    }
  });

  it('rejects absolute paths in any style', () => {
    for (const setting of ['/tmp/{date}.md', 'C:\\notes\\x.md', 'c:x.md', '\\\\server\\share\\x.md']) {
      assert.match(rejected(setting), /^The setting stupidWork\.retro\.summaryPath is an absolute path/);
    }
  });

  it('rejects empty settings and names that are not Markdown files', () => {
    assert.match(rejected('  '), /summaryPath is empty\./);
    for (const setting of ['notes.txt', 'docs/retros/', '.md', 'x.md/..']) {
      assert.match(rejected(setting), /does not name a Markdown file|points outside/, setting);
    }
    assert.match(rejected('a\0.md'), /null character/);
  });
});
