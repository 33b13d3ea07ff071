import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { StupidWorkApi } from '../../src/extension';
import { EXTENSION_ID, waitFor } from './hostHelpers';
import { entryTitles } from './treeNodes';

// Runs alone, in a folder whose only backlog is team/backlog.json, set in its .vscode/settings.json.
describe('A folder whose backlog is at a custom path', function () {
  this.timeout(90000);

  it('activates the extension by itself, as a stupid-work.json would', async () => {
    const extension = vscode.extensions.getExtension<StupidWorkApi>(EXTENSION_ID);
    assert.ok(extension, 'the extension is installed');
    await waitFor('activation, without this test asking for it', () => extension.isActive, 30000);
    await waitFor('the backlog in the Backlog view', () => entryTitles(extension.exports.tree).includes('Weekly status deck nobody opens'));
  });

  it('gives that file schema validation from the start', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a folder is open');
    const uri = vscode.Uri.file(path.join(folder.uri.fsPath, 'team', 'backlog.json'));
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const title = document.getText().indexOf('"Weekly status deck nobody opens"');
    await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(title), document.positionAt(title + '"Weekly status deck nobody opens"'.length)), '42'));
    const line = document.positionAt(title).line;
    await waitFor('the schema\'s type check on the title', () => vscode.languages.getDiagnostics(uri).some((d) => d.range.start.line === line && /string/i.test(d.message)), 30000);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
