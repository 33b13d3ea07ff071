import assert from 'node:assert/strict';
import { gitignoreLiteral, isSshUrl } from '../../src/adapters/sync/repository';
import { createEntry, upsertEntry } from '../../src/core/model/entries';
import { emptyBacklog, emptyDraft } from '../../src/core/model/model';
import { serializeBacklog } from '../../src/core/file/serialize';
import { baseRef, commitMessage, isValidBranchName, neutralIdent, trackingRef } from '../../src/core/sync/backlogBranch';
import { classifyGitReply } from '../../src/core/sync/gitReply';
import { mergeForSync } from '../../src/core/sync/syncMerge';

describe('the backlog branch', () => {
  it('accepts branch names as git-check-ref-format does, and refuses the rest', () => {
    for (const name of ['stupid-work', 'team/backlog', 'users/ana/stupid-work', 'a.b']) assert.equal(isValidBranchName(name), true, name);
    for (const name of ['', '-x', 'a..b', 'a b', 'a:b', 'a~b', 'a^b', 'a?b', 'a*b', 'a[b', 'a\\b', '/a', 'a/', 'a//b', '.a', 'a/.b', 'a.lock', 'a@{b', '@', 'a.', 'a\u0001b']) {
      assert.equal(isValidBranchName(name), false, JSON.stringify(name));
    }
  });

  it('keeps its private refs apart: the tracking ref shared, the base per worktree and per file', () => {
    assert.equal(trackingRef('origin', 'stupid-work'), 'refs/stupid-work/remotes/origin/stupid-work');
    assert.match(baseRef('origin', 'stupid-work', 'stupid-work.json'), /^refs\/worktree\/stupid-work\/base\/origin\/stupid-work\/[0-9a-f]{16}$/);
    assert.notEqual(baseRef('origin', 'b', 'a/stupid-work.json'), baseRef('origin', 'b', 'b/stupid-work.json'));
  });

  it('writes commit messages with counts, never titles', () => {
    assert.equal(commitMessage('stupid-work.json', undefined), 'Start the backlog: stupid-work.json');
    assert.equal(commitMessage('team/b.json', { added: 2, changed: 0, removed: 1 }), 'Update team/b.json: 2 added, 1 removed');
  });

  it('dates a neutral commit at the start of its UTC day, in UTC, so it cannot say when a change was made', () => {
    const midnight = Date.parse('2026-11-22T00:00:00.000Z') / 1000;
    assert.equal(neutralIdent(new Date('2026-11-22T23:59:59.999Z')), `Stupid Work <backlog@stupid-work.invalid> ${midnight} +0000`);
    assert.equal(neutralIdent(new Date('2026-11-22T00:00:00.000Z')), neutralIdent(new Date('2026-11-22T13:14:15.000Z')));
  });
});

describe('what git said when a fetch or push failed', () => {
  const cases: [string, string, string][] = [
    ['race', 'To /r.git\n ! [rejected]        abc -> stupid-work (fetch first)\nerror: failed to push some refs', 'a teammate pushed first'],
    ['race', '!\tabc:refs/heads/stupid-work\t[rejected] (non-fast-forward)\nDone', 'porcelain output'],
    ['race', ' ! [remote rejected] abc -> stupid-work (cannot lock ref \'refs/heads/stupid-work\': is at 1 but expected 2)', 'the server\'s lock'],
    ['refused', 'remote: error: GH006: Protected branch update failed for refs/heads/stupid-work.\n ! [remote rejected] abc -> stupid-work (protected branch hook declined)', 'GitHub protection'],
    ['refused', 'remote: error: GH013: Repository rule violations found for refs/heads/stupid-work.\nremote: - Cannot create ref due to creations being restricted.', 'GitHub rulesets'],
    ['refused', 'remote: GitLab: You are not allowed to push code to protected branches on this project.\n ! [remote rejected] abc -> stupid-work (pre-receive hook declined)', 'GitLab'],
    ['refused', 'remote: TF402455: Pushes to this branch are not permitted; you must use a pull request to update this branch.', 'Azure DevOps'],
    ['auth', "fatal: could not read Username for 'https://example.com': terminal prompts disabled", 'no credential helper'],
    ['auth', 'git@example.com: Permission denied (publickey).\nfatal: Could not read from remote repository.', 'ssh key'],
    ['throttled', "fatal: unable to access 'https://example.com/r.git/': The requested URL returned error: 429", 'rate limit'],
    ['offline', "fatal: unable to access 'https://example.com/r.git/': Could not resolve host: example.com", 'no DNS'],
    ['offline', 'ssh: connect to host example.com port 22: Connection refused\nfatal: Could not read from remote repository.', 'ssh down'],
    ['no-repository', 'ERROR: Repository not found.\nfatal: Could not read from remote repository.', 'wrong URL'],
    ['no-branch', "fatal: couldn't find remote ref refs/heads/stupid-work", 'no branch yet'],
    ['other', 'fatal: something new', 'anything else'],
  ];
  for (const [kind, output, why] of cases) {
    it(`reads ${why} as ${kind}`, () => {
      assert.equal(classifyGitReply(output).kind, kind);
    });
  }

  it('keeps the server\'s own lines, and notices a refusal about the commit\'s author', () => {
    const reply = classifyGitReply('remote: GitLab: Author \'backlog@stupid-work.invalid\' is not a member of team\nTo x\n ! [remote rejected] a -> stupid-work (pre-receive hook declined)\nerror: failed to push some refs to \'x\'');
    assert.equal(reply.kind, 'refused');
    assert.equal(reply.aboutIdentity, true);
    assert.deepEqual(reply.remoteLines, ["GitLab: Author 'backlog@stupid-work.invalid' is not a member of team"]);
    assert.equal(classifyGitReply('remote: GH006: Protected branch update failed\n ! [remote rejected] a -> b (protected branch hook declined)').aboutIdentity, false);
  });
});

describe('paths and URLs handed to git', () => {
  it('writes a path as a gitignore pattern that matches only itself', () => {
    assert.equal(gitignoreLiteral('stupid-work.json'), '/stupid-work.json');
    assert.equal(gitignoreLiteral('team notes [x]/a*b?.json'), '/team notes \\[x\\]/a\\*b\\?.json');
    assert.equal(gitignoreLiteral('back\\slash.json'), '/back\\\\slash.json');
    assert.equal(gitignoreLiteral('trailing.json  '), '/trailing.json\\ \\ ');
    assert.equal(gitignoreLiteral('#hash/!bang.json'), '/#hash/!bang.json', 'leading # and ! are no longer leading after the slash');
  });

  it('tells ssh remotes from the others as git-clone does', () => {
    for (const url of ['git@github.com:team/app.git', 'ssh://git@host/app.git', 'host:app.git', 'git+ssh://host/app']) assert.equal(isSshUrl(url), true, url);
    for (const url of ['https://host/app.git', '/srv/app.git', './app.git', 'file:///srv/app.git', 'C:\\repos\\app', 'dir/with:colon']) assert.equal(isSshUrl(url), false, url);
  });
});

describe('the merge a sync makes', () => {
  const make = (...titles: string[]) => {
    let b = emptyBacklog();
    // The id follows the title, so one title is one entry in every version.
    for (const title of titles) {
      b = upsertEntry(b, { ...createEntry({ ...emptyDraft(), title }, { name: 'x' }, new Date(Date.UTC(2026, 10, 1, 9))), id: `01JH000000000000000000000${title.toUpperCase()}` });
    }
    return serializeBacklog(b);
  };
  const titles = (text: string | undefined) => (JSON.parse(text ?? '{}') as { entries: { title: string }[] }).entries.map((e) => e.title);

  it('takes the remote as it is when there is no working copy (a fresh clone, or a deleted file)', () => {
    const result = mergeForSync(make('a'), undefined, make('a', 'b'));
    assert.ok(result.ok);
    assert.deepEqual(titles(result.text), ['a', 'b']);
  });

  it('keeps the working copy when the remote has no file (a new or deleted branch)', () => {
    const result = mergeForSync(make('a'), make('a', 'b'), undefined);
    assert.ok(result.ok);
    assert.deepEqual(titles(result.text), ['a', 'b']);
    assert.equal(result.changes, undefined);
  });

  it('merges without a base that does not parse, and says so', () => {
    const result = mergeForSync('{ not json', make('a'), make('b'));
    assert.ok(result.ok);
    assert.deepEqual(result.notes, ['base-unreadable']);
    assert.deepEqual(titles(result.text).sort(), ['a', 'b']);
  });

  it('repairs a remote file with conflict markers, and refuses a working copy that does not parse', () => {
    const ours = make('a').split('\n');
    const theirs = make('b').split('\n');
    const marked = ['<<<<<<< HEAD', ...ours, '=======', ...theirs, '>>>>>>> x', ''].join('\n');
    const repaired = mergeForSync(undefined, make('c'), marked);
    assert.ok(repaired.ok);
    assert.deepEqual(repaired.notes, ['theirs-repaired']);
    assert.deepEqual(titles(repaired.text).sort(), ['a', 'b', 'c']);
    const refused = mergeForSync(undefined, '{ "version": 1,', make('a'));
    assert.ok(!refused.ok);
    assert.equal(refused.side, 'ours');
    assert.equal(refused.line, 1);
  });

  it('counts what the merge changes on the remote, for the commit message', () => {
    const result = mergeForSync(make('a'), make('a', 'b'), make('a'));
    assert.ok(result.ok);
    assert.deepEqual(result.changes, { added: 1, changed: 0, removed: 0 });
    const nothing = mergeForSync(undefined, undefined, undefined);
    assert.ok(nothing.ok);
    assert.equal(nothing.text, undefined, 'no version anywhere: nothing to write');
  });
});
