import * as assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import Ajv from 'ajv';
import * as vscode from 'vscode';
import schema from '../../media/stupid-work.schema.json';
import { emptyDraft } from '../../src/core/model/model';
import { EXTENSION_ID, api, folder, waitFor } from './hostHelpers';
import { allNodes, entryTitles } from './treeNodes';

/**
 * Saving reveals the new entry in the Backlog, a moment later. A test that saves waits for that, so
 * the reveal cannot show the view in the middle of the next test.
 */
async function revealed(id: string): Promise<void> {
  const { treeView } = await api();
  await waitFor(`entry ${id} to be revealed after saving`, () => treeView.selection.some((node) => node.type === 'entry' && node.entry.id === id) || undefined, 20000);
}

/** Appends an entry the way a hand edit or a pull would: plain JSON written straight to disk. */
async function writeAsTeammate(folderName: string, id: string, title: string): Promise<void> {
  const file = path.join(folder(folderName).uri.fsPath, 'stupid-work.json');
  const data = JSON.parse(await readFile(file, 'utf8')) as { entries: Record<string, unknown>[] };
  data.entries.push({ id, title, kind: 'ritual-process', created: '2026-11-20T10:00:00.000Z', updated: '2026-11-20T10:00:00.000Z', status: 'open' });
  await writeFile(file, JSON.stringify(data, null, 2));
}

describe('Backlog in a real extension host', function () {
  this.timeout(60000);
  const validate = new Ajv({ allErrors: true }).compile(schema);

  before(async () => {
    await api();
  });

  it('contributes the container with the Log and Backlog views', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.stupidWork');
    await vscode.commands.executeCommand('stupidWork.backlog.focus');
    await vscode.commands.executeCommand('stupidWork.log.focus');
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['stupidWork.logEntry', 'stupidWork.startBacklog', 'stupidWork.refresh', 'stupidWork.openDataFile', 'stupidWork.groupBy']) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  it('lists the seeded entries of the folder that has a backlog', async () => {
    const { tree } = await api();
    const titles = await waitFor('seeded entries', () => {
      const found = entryTitles(tree);
      return found.length >= 3 ? found : undefined;
    });
    assert.equal(titles.length, 3);
  });

  it('saving from the Log form writes a schema-valid file in a folder that had none', async () => {
    const { logHost, store } = await api();
    const beta = folder('beta');
    const file = path.join(beta.uri.fsPath, 'stupid-work.json');
    await rm(file, { force: true });
    const target = logHost.targets().find((t) => t.name === 'beta');
    assert.equal(target?.status, 'missing');
    const draft = { ...emptyDraft(), title: 'Weekly status deck nobody opens', kind: 'unused-report' as const, reasons: ['always-done-that-way' as const] };
    draft.smart.speakUp = 'Four hours every Friday on slides that get zero views.';
    const result = await logHost.save(target.key, draft, undefined);
    assert.ok(result.ok, JSON.stringify(result));
    await revealed(result.id);
    const data: unknown = JSON.parse(await readFile(file, 'utf8'));
    assert.ok(validate(data), JSON.stringify(validate.errors));
    const entries = (data as { entries: { title: string; author?: unknown }[] }).entries;
    assert.equal(entries.length, 1);
    assert.equal(entries[0].title, 'Weekly status deck nobody opens');
    assert.equal(store.get(beta.uri.toString())?.state.kind, 'loaded');
  });

  it('an anonymous entry carries no author in the file', async () => {
    const { logHost } = await api();
    const beta = folder('beta');
    const target = logHost.targets().find((t) => t.name === 'beta');
    assert.ok(target);
    const result = await logHost.save(target.key, { ...emptyDraft(true), title: 'Mandatory sign-off for one-line config changes' }, undefined);
    assert.ok(result.ok);
    await revealed(result.id);
    const data = JSON.parse(await readFile(path.join(beta.uri.fsPath, 'stupid-work.json'), 'utf8')) as { entries: { id: string; author?: unknown; created: string }[] };
    const saved = data.entries.find((e) => e.id === result.id);
    assert.ok(saved);
    assert.equal('author' in saved, false);
    assert.match(saved.created, /T00:00:00\.000Z$/);
  });

  it('leads a row with its cost, where a narrow sidebar keeps it, and says "no estimate" where nobody estimated', async () => {
    const { logHost, tree } = await api();
    const target = logHost.targets().find((t) => t.name === 'beta');
    assert.ok(target);
    const costed = await logHost.save(target.key, { ...emptyDraft(), title: 'Quarterly synergy matrix', cost: { hoursPerOccurrence: 2, occurrences: 1, per: 'week', people: 2 } }, undefined);
    assert.ok(costed.ok);
    await revealed(costed.id);
    const unestimated = await logHost.save(target.key, { ...emptyDraft(), title: 'Ceremonial kickoff slideware' }, undefined);
    assert.ok(unestimated.ok);
    await revealed(unestimated.id);
    const item = (id: string) => {
      const node = allNodes(tree).find((n) => n.type === 'entry' && n.entry.id === id);
      assert.ok(node, id);
      return tree.getTreeItem(node);
    };
    assert.match(String(item(costed.id).description), /^17 h\/mo · /);
    const row = item(unestimated.id);
    assert.match(String(row.description), /^no estimate · /);
    assert.doesNotMatch(String(row.description), /0 h/);
    assert.match((row.tooltip as vscode.MarkdownString).value, /no estimate/);
    assert.match(row.accessibilityInformation?.label ?? '', /, 0 votes, no estimate, 0 of 5 S\.M\.A\.R\.T\. answers$/);
  });

  it('shows a change a teammate made on disk', async () => {
    const { tree } = await api();
    await writeAsTeammate('alpha', '01KQ0000000000000000000000', 'Pulled in from a teammate');
    await waitFor('the teammate entry in the Backlog view', () => entryTitles(tree).includes('Pulled in from a teammate') || undefined);
  });

  it('badges entries that arrive while the Backlog is not being looked at', async () => {
    const { treeView, tree } = await api();
    await vscode.commands.executeCommand('workbench.view.explorer');
    await waitFor('the Backlog view to be hidden', () => (treeView.visible ? undefined : true));
    await writeAsTeammate('alpha', '01KQ0000000000000000000001', 'Arrived while nobody was looking');
    await waitFor('the teammate entry', () => entryTitles(tree).includes('Arrived while nobody was looking') || undefined);
    await waitFor('the badge', () => treeView.badge, 5000).catch(() => undefined);
    assert.equal(treeView.visible, false, 'the Backlog stayed hidden');
    assert.equal(treeView.badge?.value, 1, 'one entry is new since the Backlog was last seen');
    await vscode.commands.executeCommand('stupidWork.backlog.focus');
    await waitFor('the badge to clear once the Backlog is seen', () => (treeView.badge === undefined ? true : undefined));
  });

  it('a malformed file shows the error state, refuses to save and keeps its bytes', async () => {
    const { tree, logHost } = await api();
    const alpha = folder('alpha');
    const file = path.join(alpha.uri.fsPath, 'stupid-work.json');
    const good = await readFile(file, 'utf8');
    const broken = good.replace('"entries": [', '"entries": [\n<<<<<<< HEAD\n');
    await writeFile(file, broken);
    const problem = await waitFor('the problem node', () => allNodes(tree).find((node) => node.type === 'problem'));
    const item = tree.getTreeItem(problem);
    assert.match(String(item.description), /line 4,/);
    const target = logHost.targets().find((t) => t.name === 'alpha');
    assert.equal(target?.status, 'problem');
    const result = await logHost.save(target.key, { ...emptyDraft(), title: 'Should not be written' }, undefined);
    assert.equal(result.ok, false);
    assert.equal(await readFile(file, 'utf8'), broken, 'the file keeps its bytes');
    await writeFile(file, good);
    await waitFor('recovery after the fix', () => (allNodes(tree).some((node) => node.type === 'problem') ? undefined : true));
  });
});

describe('Resolve Conflict Markers in a real extension host', function () {
  this.timeout(60000);

  it('repairs a backlog that arrived with conflict markers and keeps both sides', async () => {
    const { tree } = await api();
    const alpha = folder('alpha');
    const file = path.join(alpha.uri.fsPath, 'stupid-work.json');
    const good = await readFile(file, 'utf8');
    const entry = (id: string, title: string) =>
      `    {\n      "id": "${id}",\n      "title": "${title}",\n      "kind": "other",\n      "created": "2026-11-21T10:00:00.000Z",\n      "updated": "2026-11-21T10:00:00.000Z",\n      "status": "open"\n    },`;
    const conflicted = good.replace(
      '"entries": [\n',
      `"entries": [\n<<<<<<< HEAD\n${entry('01KQ0000000000000000000010', 'Ours during the merge')}\n=======\n${entry('01KQ0000000000000000000011', 'Theirs during the merge')}\n>>>>>>> origin/main\n`,
    );
    await writeFile(file, conflicted);
    await waitFor('the conflict to show', () => allNodes(tree).find((node) => node.type === 'problem'));
    await vscode.commands.executeCommand('stupidWork.resolveConflicts', alpha.uri.toString());
    const repaired = JSON.parse(await readFile(file, 'utf8')) as { entries: { title: string }[] };
    const titles = repaired.entries.map((e) => e.title);
    assert.ok(titles.includes('Ours during the merge') && titles.includes('Theirs during the merge'), titles.join(', '));
    assert.equal(repaired.entries.length, (JSON.parse(good) as { entries: unknown[] }).entries.length + 2);
    await waitFor('both entries in the Backlog view', () => (entryTitles(tree).includes('Theirs during the merge') ? true : undefined));
  });
});

describe('contributed commands', () => {
  it('are all registered by the extension', async () => {
    await api();
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: { command: string }[] } };
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, []);
  });
});
