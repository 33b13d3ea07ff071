import * as assert from 'node:assert/strict';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import Ajv from 'ajv';
import * as vscode from 'vscode';
import schema from '../../media/stupid-work.schema.json';
import { createCodeLink } from '../../src/core/codeLinks/codeLinks';
import { emptyDraft, type CodeLink, type EntryDraft } from '../../src/core/model/model';
import { EXTENSION_ID, api, folder, git, waitFor } from './hostHelpers';
import { allNodes } from './treeNodes';

const OPEN_ENTRY = 'stupidWork.entry.openById';

const SCRIPT = [
  '#!/bin/sh',
  '# Builds the weekly report.',
  'set -eu',
  '',
  'psql -c "select * from kpi_weekly" > /tmp/kpi.csv',
  'python3 render_deck.py /tmp/kpi.csv --template quarterly-v7.pptx',
  'mail -s "Weekly KPI deck" all-managers@example.com < weekly.pptx',
  '',
  'echo "done"',
  'exit 0',
];

/** The lenses this extension shows in a file, as the editor asks for them. */
async function ourLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return lenses.filter((lens) => lens.command?.command === OPEN_ENTRY);
}

/** Waits until the lenses in `uri` satisfy `check`, and returns them. */
function lensesWhere(what: string, uri: vscode.Uri, check: (lenses: vscode.CodeLens[]) => boolean): Promise<vscode.CodeLens[]> {
  return waitFor(what, async () => {
    const lenses = await ourLenses(uri);
    return check(lenses) ? lenses : undefined;
  });
}

function lines(range: vscode.Range): [number, number] {
  return [range.start.line + 1, range.end.line + 1];
}

describe('Code links in a real extension host', function () {
  this.timeout(60000);
  const validate = new Ajv({ allErrors: true }).compile(schema);
  const title = `Weekly KPI deck mailed to all managers ${Date.now()}`;
  let script: vscode.Uri;
  let unlinked: vscode.Uri;
  let entryId: string;

  before(async () => {
    const { store } = await api();
    const alpha = folder('alpha');
    await waitFor('the alpha backlog', () => (store.get(alpha.uri.toString())?.state.kind === 'loaded' ? true : undefined));
    const dir = path.join(alpha.uri.fsPath, 'scripts');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'weekly-report.sh'), `${SCRIPT.join('\n')}\n`);
    await writeFile(path.join(dir, 'unrelated.sh'), '#!/bin/sh\necho "nothing flagged here"\n');
    script = vscode.Uri.joinPath(alpha.uri, 'scripts', 'weekly-report.sh');
    unlinked = vscode.Uri.joinPath(alpha.uri, 'scripts', 'unrelated.sh');
  });

  after(async () => {
    await vscode.workspace.getConfiguration('stupidWork').update('codeLinks.codeLens', undefined, vscode.ConfigurationTarget.Workspace);
    // Unsaved edits would otherwise be kept as backups and come back in the next window on this workspace.
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await rm(path.join(folder('alpha').uri.fsPath, 'scripts'), { recursive: true, force: true });
    await rm(path.join(folder('alpha').uri.fsPath, '.git'), { recursive: true, force: true });
  });

  it('flagging a selection opens the Log form with a code link, and saving it writes the link', async () => {
    const { log, logHost } = await api();
    const alpha = folder('alpha');
    const editor = await vscode.window.showTextDocument(script);
    editor.selection = new vscode.Selection(4, 0, 6, SCRIPT[6].length);

    const prefilled: { key: string; fields: Partial<EntryDraft> }[] = [];
    const original = log.prefill.bind(log);
    log.prefill = (key, fields) => {
      prefilled.push({ key, fields });
      original(key, fields);
    };
    try {
      await vscode.commands.executeCommand('stupidWork.flagSelection');
    } finally {
      log.prefill = original;
    }
    assert.equal(prefilled.length, 1, 'the Log form was pre-filled once');
    const { key, fields } = prefilled[0];
    assert.equal(key, alpha.uri.toString());
    assert.equal(fields.title, undefined, 'the title is left for the developer to type');
    const expected = createCodeLink('scripts/weekly-report.sh', SCRIPT, 5, 7);
    assert.deepEqual(fields.link, expected);
    assert.match(expected.fingerprint, /^v1:[\w-]{6}:3:0:0:/);

    // What the form does when the developer types a title and presses Save.
    const result = await logHost.save(key, { ...emptyDraft(), ...fields, title }, undefined);
    assert.ok(result.ok, JSON.stringify(result));
    entryId = result.id;
    const data: unknown = JSON.parse(await readFile(path.join(alpha.uri.fsPath, 'stupid-work.json'), 'utf8'));
    assert.ok(validate(data), JSON.stringify(validate.errors));
    const saved = (data as { entries: { id: string; links: CodeLink[] }[] }).entries.find((entry) => entry.id === entryId);
    assert.ok(saved, 'the entry is in alpha/stupid-work.json');
    assert.deepEqual(saved.links, [{ path: 'scripts/weekly-report.sh', startLine: 5, endLine: 7, fingerprint: expected.fingerprint }]);
  });

  it('shows a CodeLens with the entry on the flagged lines, and none in a file without links', async () => {
    const lenses = await lensesWhere('the CodeLens', script, (found) => found.length === 1);
    assert.deepEqual(lines(lenses[0].range), [5, 7]);
    assert.ok(lenses[0].command?.title.includes(title), lenses[0].command?.title);
    assert.match(lenses[0].command?.title ?? '', / · Open · no estimate$/);
    assert.deepEqual(lenses[0].command?.arguments, [folder('alpha').uri.toString(), entryId]);
    await vscode.window.showTextDocument(unlinked);
    assert.deepEqual(await ourLenses(unlinked), []);
  });

  it('marks linked entries in the Backlog, where Go to Code is offered', async () => {
    const { tree } = await api();
    const node = await waitFor('the entry in the Backlog view', () => allNodes(tree).find((n) => n.type === 'entry' && n.entry.id === entryId));
    const contextValue = tree.getTreeItem(node).contextValue ?? '';
    assert.equal(contextValue, 'entry.active.linked');
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { menus: Record<string, { command: string; when: string }[]> } };
    const goToCode = manifest.contributes.menus['view/item/context'].filter((item) => item.command === 'stupidWork.entry.goToCode');
    assert.ok(goToCode.length > 0);
    for (const item of goToCode) {
      const pattern = /viewItem =~ \/(.+?)\/(?: |$)/.exec(item.when)?.[1];
      assert.ok(pattern, item.when);
      assert.match(contextValue, new RegExp(pattern));
      assert.doesNotMatch('entry.active', new RegExp(pattern), 'entries without links offer no Go to Code');
    }
  });

  it('Go to Code reveals and selects the flagged range', async () => {
    const other = await vscode.window.showTextDocument(unlinked);
    assert.equal(other.document.uri.toString(), unlinked.toString());
    await vscode.commands.executeCommand('stupidWork.entry.goToCode', folder('alpha').uri.toString(), entryId);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), script.toString());
    assert.deepEqual(lines(editor.selection), [5, 7]);
    assert.equal(editor.selection.start.character, 0);
    assert.equal(editor.selection.end.character, SCRIPT[6].length);
  });

  it('the code link follows the code when lines are inserted above it', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(script, new vscode.Position(3, 0), '# Added later:\n# nobody knows who reads this\n\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const lenses = await lensesWhere('the CodeLens to move', script, (found) => found.length === 1 && found[0].range.start.line === 7);
    assert.deepEqual(lines(lenses[0].range), [8, 10]);
    assert.ok(lenses[0].command?.title.includes(title));

    await vscode.window.showTextDocument(unlinked);
    await vscode.commands.executeCommand('stupidWork.entry.goToCode', folder('alpha').uri.toString(), entryId);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), script.toString());
    assert.deepEqual(lines(editor.selection), [8, 10]);
  });

  it('turning the CodeLens setting off removes the lenses, and on brings them back', async () => {
    const settings = vscode.workspace.getConfiguration('stupidWork');
    await settings.update('codeLinks.codeLens', false, vscode.ConfigurationTarget.Workspace);
    await lensesWhere('the lenses to go', script, (found) => found.length === 0);
    await settings.update('codeLinks.codeLens', undefined, vscode.ConfigurationTarget.Workspace);
    await lensesWhere('the lenses to return', script, (found) => found.length === 1);
  });

  it('says the code is no longer found once it is deleted, at the stored line', async () => {
    const document = await vscode.workspace.openTextDocument(script);
    const edit = new vscode.WorkspaceEdit();
    edit.delete(script, new vscode.Range(7, 0, 10, 0));
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(!document.getText().includes('render_deck.py'), 'the flagged code is gone');
    const lenses = await lensesWhere('the missing-code lens', script, (found) => found.length === 1 && /no longer found/.test(found[0].command?.title ?? ''));
    assert.deepEqual(lines(lenses[0].range), [5, 5], 'the lens sits at the stored line, not on other code');
    assert.ok(lenses[0].command?.title.includes(title));
  });

  it('the code link follows a file that git says was renamed', async () => {
    const { logHost } = await api();
    const alpha = folder('alpha');
    const dir = alpha.uri.fsPath;
    const original = ['#!/bin/sh', 'rsync -a /srv/reports/ backup:/archive/reports/', 'curl -X POST https://status.example.com/ping', 'exit 0'];
    await writeFile(path.join(dir, 'scripts', 'archive-reports.sh'), `${original.join('\n')}\n`);
    git(dir, 'init', '-q', '--initial-branch=main');
    git(dir, 'config', 'user.name', 'Workspace User');
    git(dir, 'config', 'user.email', 'user@example.com');
    git(dir, 'add', 'scripts/archive-reports.sh');
    git(dir, 'commit', '-q', '-m', 'Archive the reports');
    git(dir, 'mv', 'scripts/archive-reports.sh', 'scripts/archive.sh');
    git(dir, 'commit', '-q', '-m', 'Shorter name');

    // A teammate's entry that still names the old path.
    const renamedTitle = `Archiving reports nobody restores ${Date.now()}`;
    const link = createCodeLink('scripts/archive-reports.sh', original, 2, 3);
    const result = await logHost.save(alpha.uri.toString(), { ...emptyDraft(), title: renamedTitle, link }, undefined);
    assert.ok(result.ok, JSON.stringify(result));

    const moved = vscode.Uri.joinPath(alpha.uri, 'scripts', 'archive.sh');
    await vscode.window.showTextDocument(moved);
    const lenses = await lensesWhere('the lens in the renamed file', moved, (found) => found.some((lens) => lens.command?.title.includes(renamedTitle)));
    assert.equal(lenses.length, 1);
    assert.deepEqual(lines(lenses[0].range), [2, 3]);

    await vscode.window.showTextDocument(unlinked);
    await vscode.commands.executeCommand('stupidWork.entry.goToCode', alpha.uri.toString(), result.id);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), moved.toString());
    assert.deepEqual(lines(editor.selection), [2, 3]);
  });
});
