// What the extension hands VS Code for a teammate's hostile text, read through the real API: tree
// items, their tooltips, and the Markdown helper every hover and tooltip is built with.
import * as assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { markdownInline, plainText } from '../../src/core/text/inertText';
import type { BacklogNode } from '../../src/ui/backlog/backlogTree';
import { commandLink, md, untrustedMarkdown, type MarkdownPart } from '../../src/ui/shared/untrustedMarkdown';
import { HOSTILE_CORPUS, hostileFields } from '../fixtures/hostileCorpus';
import { api, folder, waitFor } from './hostHelpers';
import { allNodes } from './treeNodes';

describe("a teammate's hostile text through VS Code's API", function () {
  this.timeout(60000);

  it('md escapes every value, trusts nothing, and renders no HTML or icon', () => {
    for (const payload of HOSTILE_CORPUS) {
      const markdown = untrustedMarkdown(md`**Title:** ${payload.text}`);
      assert.equal(markdown.value, `**Title:** ${markdownInline(payload.text)}`);
      assert.deepEqual([markdown.isTrusted, markdown.supportHtml, markdown.supportThemeIcons], [false, false, false], payload.name);
    }
  });

  it("trusts only the commands of the extension's own links, and refuses a part it did not build", () => {
    const markdown = untrustedMarkdown(md`${'[x](command:workbench.action.openGlobalSettings)'}\n\n${commandLink('Open entry', 'stupidWork.entry.openById', ['key', 'id'])}`);
    assert.deepEqual(markdown.isTrusted, { enabledCommands: ['stupidWork.entry.openById'] });
    assert.equal(markdown.value, '\\[x\\]\\(command:workbench\\.action\\.openGlobalSettings\\)\n\n[Open entry](command:stupidWork.entry.openById?%5B%22key%22%2C%22id%22%5D)');
    const forged: MarkdownPart = { value: '[x](command:workbench.action.openGlobalSettings)', commands: ['workbench.action.openGlobalSettings'] };
    assert.throws(() => untrustedMarkdown(forged), TypeError);
    assert.equal(md`${forged}`.value, markdownInline('[object Object]'), 'a forged part is only text');
  });

  it('gives the Backlog plain labels and untrusted tooltips for every payload', async () => {
    const { tree } = await api();
    const beta = folder('beta');
    const file = path.join(beta.uri.fsPath, 'stupid-work.json');
    const before = await readFile(file, 'utf8').catch(() => undefined);
    const data = JSON.parse(before ?? '{"version":1,"entries":[]}') as { entries: Record<string, unknown>[] };
    const ids = HOSTILE_CORPUS.map((_, i) => `01KR${String(i).padStart(22, '0')}`);
    HOSTILE_CORPUS.forEach((_, i) => {
      const f = hostileFields(i);
      data.entries.push({
        id: ids[i],
        title: f.title,
        kind: 'other',
        smart: { speakUp: f.speakUp, moreInfo: f.moreInfo, accountability: f.accountability, reprioritize: f.reprioritize, tryAnother: f.tryAnother },
        author: { name: f.authorName },
        created: '2026-10-01T10:00:00.000Z',
        updated: '2026-10-01T10:00:00.000Z',
        status: 'decided',
        decision: { outcome: 'keep', rationale: f.rationale, owner: f.owner, followUp: 'open', decided: '2026-10-02T10:00:00.000Z' },
      });
    });
    await writeFile(file, JSON.stringify(data, null, 2));
    try {
      const nodes = await waitFor('the hostile entries in the Backlog', () => {
        const found = allNodes(tree).filter((node): node is Extract<BacklogNode, { type: 'entry' }> => node.type === 'entry' && ids.includes(node.entry.id));
        return found.length === ids.length && found;
      });
      for (const node of nodes) {
        const item = tree.getTreeItem(node);
        assert.equal(item.label, plainText(node.entry.title));
        assert.ok(item.tooltip instanceof vscode.MarkdownString);
        assert.deepEqual([item.tooltip.isTrusted, item.tooltip.supportHtml, item.tooltip.supportThemeIcons], [false, false, false]);
        assert.ok(item.tooltip.value.startsWith(`**${markdownInline(node.entry.title)}**`), item.tooltip.value);
        assert.ok(item.tooltip.value.includes(markdownInline(node.entry.decision?.owner ?? '')), 'the owner is escaped too');
        assert.ok(item.accessibilityInformation?.label.startsWith(plainText(node.entry.title)));
      }
    } finally {
      if (before === undefined) {
        await vscode.workspace.fs.delete(vscode.Uri.file(file));
      } else {
        await writeFile(file, before);
      }
    }
  });
});
