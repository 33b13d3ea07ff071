import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './hostHelpers';

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
});
