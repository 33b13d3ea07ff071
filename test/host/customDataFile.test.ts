import * as assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, folder, waitFor } from './hostHelpers';

/** A backlog whose one entry has a title of the wrong type, and a blank line to complete on inside that entry. */
const WRONG_TYPE = ['{', '  "version": 1,', '  "entries": [', '    {', '      ', '      "id": "01KAB3X4Y5Z6Q7R8S9T0V1W2X4",', '      "title": 42', '    }', '  ],', '  "retros": []', '}', ''].join('\n');
const BLANK_LINE = 4;
const TITLE_LINE = 6;

/** The schema's type check on the title line: the JSON language features found the backlog schema. */
function schemaProblems(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.range.start.line === TITLE_LINE && /string/i.test(d.message));
}

async function completionLabels(uri: vscode.Uri): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(BLANK_LINE, 6));
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

describe('A custom stupidWork.dataFile in a real extension host', function () {
  this.timeout(90000);
  const beta = () => folder('beta');
  const created: string[] = [];

  async function useDataFile(relative: string | undefined): Promise<void> {
    await vscode.workspace.getConfiguration('stupidWork', beta().uri).update('dataFile', relative, vscode.ConfigurationTarget.WorkspaceFolder);
  }

  /** Writes the file at `relative` in beta, points the setting at it, and opens it in an editor. */
  async function openAsDataFile(relative: string, text: string): Promise<vscode.TextDocument> {
    const file = path.join(beta().uri.fsPath, ...relative.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    created.push(path.join(beta().uri.fsPath, relative.split('/')[0]));
    await writeFile(file, text);
    await useDataFile(relative);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(document, { preview: false });
    return document;
  }

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await useDataFile(undefined);
    for (const dir of created) await rm(dir, { recursive: true, force: true });
  });

  it('validates team/backlog.json against the backlog schema and completes its fields', async () => {
    await api();
    const document = await openAsDataFile('team/backlog.json', WRONG_TYPE);
    await waitFor('the schema\'s type check on the title', () => schemaProblems(document.uri).length > 0, 30000);
    const labels = await completionLabels(document.uri);
    for (const field of ['kind', 'smart', 'triage']) {
      assert.ok(labels.some((label) => label.includes(field)), `"${field}" is offered: ${labels.join(', ')}`);
    }
  });

  it('follows the setting to a path with spaces and glob characters, and sees a teammate\'s change there', async () => {
    const { store } = await api();
    const previous = vscode.Uri.file(path.join(beta().uri.fsPath, 'team', 'backlog.json'));
    const relative = 'team notes/[q3] {plan}.json';
    const document = await openAsDataFile(relative, WRONG_TYPE);
    await waitFor('the schema at the new path', () => schemaProblems(document.uri).length > 0, 30000);
    await waitFor('the previous path without the schema', () => schemaProblems(previous).length === 0, 30000);

    const backlog = store.get(beta().uri.toString());
    assert.ok(backlog, 'beta has a backlog');
    assert.equal(backlog.relativePath, relative);
    await waitFor('the store reads the new path', () => backlog.state.kind === 'problem');
    // A change arriving on disk, as a pull would bring it: the watcher's pattern must match this exact name.
    await writeFile(document.uri.fsPath, JSON.stringify({ version: 1, entries: [{ id: '01KAB3X4Y5Z6Q7R8S9T0V1W2X5', title: 'Arrived on disk', kind: 'other', created: '2026-11-20T10:00:00.000Z', updated: '2026-11-20T10:00:00.000Z', status: 'open' }], retros: [] }, null, 2));
    const loaded = await waitFor('the change to load', () => (backlog.state.kind === 'loaded' ? backlog.state.backlog : undefined));
    assert.deepEqual(loaded.entries.map((e) => e.title), ['Arrived on disk']);
  });
});
