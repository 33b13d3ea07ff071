import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, api } from './hostHelpers';

describe('activation', () => {
  it('the extension is present and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers its contributed commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['stupidWork.logEntry', 'stupidWork.refresh']) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  it('registers every contributed command once the features have started, in place of its stand-in', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    // Reading the API starts the features if the deferred start has not yet run.
    assert.ok((await api()).store);
    const contributed = (extension.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((id) => !registered.has(id)), []);
  });
});
