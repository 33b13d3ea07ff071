import * as assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Entry } from '../../src/core/model/model';
import type { StupidWorkApi } from '../../src/extension';
import { api, folder, waitFor } from './hostHelpers';

const ME = 'Rita Reminder';
const NOW = '2026-03-10T09:00:00.000Z';

type Asked = { message: string; items: string[] };
type ShowInformation = (message: string, ...items: string[]) => Thenable<string | undefined>;

/**
 * Answers the extension's notifications as a person would click them: `answer` picks the button
 * from the message. The extension and this suite share one `vscode.window`, so replacing its
 * `showInformationMessage` here is what the extension calls; `restore` puts the real one back.
 */
function answerNotifications(answer: (message: string) => string | undefined): { asked: Asked[]; restore: () => void } {
  const window = vscode.window as unknown as { showInformationMessage: ShowInformation };
  const real = window.showInformationMessage;
  const asked: Asked[] = [];
  window.showInformationMessage = (message: string, ...items: string[]) => {
    asked.push({ message, items });
    const choice = answer(message);
    return Promise.resolve(choice !== undefined && items.includes(choice) ? choice : undefined);
  };
  return { asked, restore: () => { window.showInformationMessage = real; } };
}

function decided(id: string, title: string, due: string): Record<string, unknown> {
  return {
    id,
    title,
    kind: 'ritual-process',
    created: '2026-02-01T10:00:00.000Z',
    updated: '2026-02-02T10:00:00.000Z',
    status: 'decided',
    decision: { outcome: 'stop', rationale: '', owner: ME, due, followUp: 'open', decided: '2026-02-02T10:00:00.000Z' },
  };
}

function stale(id: string, title: string): Record<string, unknown> {
  return { id, title, kind: 'trivia', author: { name: ME }, created: '2026-01-01T10:00:00.000Z', updated: '2026-01-02T10:00:00.000Z', status: 'open' };
}

/** Runs `body` with the clock at `NOW`, `ME` as the author in beta, `entries` added to beta's backlog and Open recorded; restores it all. */
async function withBacklog(entries: Record<string, unknown>[], body: (stupid: StupidWorkApi, file: string, opened: string[]) => Promise<void>): Promise<void> {
  const stupid = await api();
  const { clock, log } = stupid;
  const { now } = clock;
  const edit = log.edit.bind(log);
  const beta = folder('beta');
  const settings = vscode.workspace.getConfiguration('stupidWork', beta.uri);
  const file = path.join(beta.uri.fsPath, 'stupid-work.json');
  const before = await readFile(file, 'utf8').catch(() => undefined);
  const opened: string[] = [];
  clock.now = () => new Date(NOW);
  log.edit = (_key: string, entry: Entry) => {
    opened.push(entry.id);
  };
  try {
    await settings.update('authorName', ME, vscode.ConfigurationTarget.WorkspaceFolder);
    const data = JSON.parse(before ?? '{"version":1,"entries":[]}') as { entries: Record<string, unknown>[] };
    data.entries.push(...entries);
    await writeFile(file, JSON.stringify(data, null, 2));
    await body(stupid, file, opened);
  } finally {
    clock.now = now;
    log.edit = edit;
    await settings.update('authorName', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    await (before === undefined ? rm(file, { force: true }) : writeFile(file, before));
  }
}

async function entryIn(file: string, id: string): Promise<Record<string, unknown> & { decision?: Record<string, unknown> }> {
  const data = JSON.parse(await readFile(file, 'utf8')) as { entries: (Record<string, unknown> & { id: string })[] };
  const entry = data.entries.find((e) => e.id === id);
  assert.ok(entry, `entry ${id} is in the file`);
  return entry;
}

/** Checks as the timer does until `count` notifications were asked, and gives them. */
async function checkUntil(stupid: StupidWorkApi, asked: Asked[], count: number): Promise<Asked[]> {
  return waitFor(`${count} notification(s)`, async () => {
    await stupid.reminders.check();
    return asked.length >= count && asked;
  });
}

describe('Reminders in the extension host', function () {
  this.timeout(60000);

  it('the owner\'s reminder: Open, Mark In Progress, Mark Done and Snooze each do what they say, once a day', async () => {
    const OPEN = '01KQ3000000000000000000001';
    const PROGRESS = '01KQ3000000000000000000002';
    const DONE = '01KQ3000000000000000000003';
    const SNOOZE = '01KQ3000000000000000000004';
    const answers: Record<string, string> = { 'Open me': 'Open', 'Progress me': 'Mark In Progress', 'Finish me': 'Mark Done', 'Snooze me': 'Snooze 3 Hours' };
    const { asked, restore } = answerNotifications((message) => Object.entries(answers).find(([title]) => message.includes(title))?.[1]);
    try {
      await withBacklog(
        [
          decided(OPEN, 'Open me', '2026-03-01'),
          decided(PROGRESS, 'Progress me', '2026-03-02'),
          decided(DONE, 'Finish me', '2026-03-10'),
          decided(SNOOZE, 'Snooze me', '2026-03-11'),
        ],
        async (stupid, file, opened) => {
          // Three at once, most overdue first; the fourth waits for the next check.
          await checkUntil(stupid, asked, 3);
          assert.deepEqual(asked.slice(0, 3).map((a) => a.message), [
            'Your decision on “Open me” is 9 days overdue: it was due on 2026-03-01.',
            'Your decision on “Progress me” is 8 days overdue: it was due on 2026-03-02.',
            'Your decision on “Finish me” is due today.',
          ]);
          assert.deepEqual(asked[0].items, ['Open', 'Mark In Progress', 'Mark Done', 'Snooze 3 Hours']);
          await checkUntil(stupid, asked, 4);
          assert.equal(asked[3].message, 'Your decision on “Snooze me” is due tomorrow, 2026-03-11.');

          await waitFor('Open to open the entry', () => opened.includes(OPEN));
          await waitFor('Mark In Progress in the file', async () => (await entryIn(file, PROGRESS)).decision?.followUp === 'in-progress');
          await waitFor('Mark Done in the file', async () => {
            const done = await entryIn(file, DONE);
            return done.decision?.followUp === 'done' && done.status === 'done';
          });

          // The same day: nothing again, the snoozed one included, until its three hours are over.
          await stupid.reminders.check();
          stupid.clock.now = () => new Date('2026-03-10T11:59:00.000Z');
          await stupid.reminders.check();
          assert.equal(asked.length, 4, asked.map((a) => a.message).join('\n'));
          // Back after the snooze; this time it is dismissed.
          delete answers['Snooze me'];
          stupid.clock.now = () => new Date('2026-03-10T12:00:00.000Z');
          await checkUntil(stupid, asked, 5);
          assert.match(asked[4].message, /“Snooze me”/);
          stupid.clock.now = () => new Date('2026-03-10T23:00:00.000Z');
          await stupid.reminders.check();
          assert.equal(asked.length, 5, 'a snoozed reminder comes back once');

          // The next day the open ones come again; the done one does not.
          stupid.clock.now = () => new Date('2026-03-11T09:00:00.000Z');
          await checkUntil(stupid, asked, 8);
          assert.deepEqual(asked.slice(5).map((a) => /“(.*)”/.exec(a.message)?.[1]), ['Open me', 'Progress me', 'Snooze me']);
          assert.deepEqual(asked[6].items, ['Open', 'Mark Done', 'Snooze 3 Hours'], 'in progress already, so no Mark In Progress');
        },
      );
    } finally {
      restore();
    }
  });

  it('no reminder in the first minutes of a running retro, and none when turned off', async () => {
    const { asked, restore } = answerNotifications(() => undefined);
    const beta = folder('beta');
    const reminders = vscode.workspace.getConfiguration('stupidWork.reminders', beta.uri);
    try {
      await withBacklog([decided('01KQ3000000000000000000011', 'Quiet please', '2026-03-01')], async (stupid, file) => {
        const data = JSON.parse(await readFile(file, 'utf8')) as { retros?: unknown[] };
        data.retros = [...(data.retros ?? []), { id: '01KQ3000000000000000000012', started: '2026-03-10T08:50:00.000Z', facilitator: 'Sam', discussed: [], decided: [] }];
        await writeFile(file, JSON.stringify(data, null, 2));
        await waitFor('the retro to load', () => {
          const state = stupid.store.all.find((b) => b.folder.name === 'beta')?.state;
          return state?.kind === 'loaded' && state.backlog.retros.some((r) => r.id === '01KQ3000000000000000000012');
        });
        // A setting written is not yet a setting read: wait until the extension would see it, both ways.
        const decisionsSetting = () => vscode.workspace.getConfiguration('stupidWork.reminders', beta.uri).get<boolean>('decisions');
        await reminders.update('decisions', false, vscode.ConfigurationTarget.WorkspaceFolder);
        await waitFor('the reminders to be off', () => decisionsSetting() === false);
        stupid.clock.now = () => new Date('2026-03-10T09:06:00.000Z');
        await stupid.reminders.check();
        // 14 minutes into the retro: still quiet. The clock moves first, since turning the setting
        // back on makes the extension check by itself.
        stupid.clock.now = () => new Date('2026-03-10T09:04:00.000Z');
        await reminders.update('decisions', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
        await waitFor('the reminders to be on again', () => decisionsSetting() === true);
        await stupid.reminders.check();
        assert.equal(asked.length, 0, asked.map((a) => a.message).join('\n'));
        stupid.clock.now = () => new Date('2026-03-10T09:05:00.000Z');
        await checkUntil(stupid, asked, 1);
        assert.match(asked[0].message, /“Quiet please”/);
      });
    } finally {
      restore();
      await reminders.update('decisions', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
  });

  it('"Still happening?": Yes touches the entry, "No, it stopped" archives it with that reason, Open opens it', async () => {
    const YES = '01KQ3000000000000000000021';
    const STOPPED = '01KQ3000000000000000000022';
    const OPEN = '01KQ3000000000000000000023';
    const answers: Record<string, string> = { 'Still the Friday deck': 'Yes', 'The fax cover sheet': 'No, it stopped', 'Look at me': 'Open' };
    const { asked, restore } = answerNotifications((message) => Object.entries(answers).find(([title]) => message.includes(title))?.[1]);
    try {
      await withBacklog([stale(YES, 'Still the Friday deck'), stale(STOPPED, 'The fax cover sheet'), stale(OPEN, 'Look at me')], async (stupid, file, opened) => {
        await checkUntil(stupid, asked, 3);
        assert.equal(asked[0].message, 'Still happening? Nobody has touched “Still the Friday deck” for 30 days or more.');
        assert.deepEqual(asked[0].items, ['Yes', 'No, it stopped', 'Open']);
        await waitFor('Yes to touch the entry', async () => (await entryIn(file, YES)).updated === NOW);
        await waitFor('No, it stopped to archive the entry', async () => {
          const entry = await entryIn(file, STOPPED);
          return entry.status === 'archived' && entry.archivedReason === 'stopped';
        });
        await waitFor('Open to open the entry', () => opened.includes(OPEN));
        // The next day only the entry that was opened, and is still stale, asks again.
        stupid.clock.now = () => new Date('2026-03-11T09:00:00.000Z');
        await checkUntil(stupid, asked, 4);
        await stupid.reminders.check();
        assert.equal(asked.length, 4);
        assert.match(asked[3].message, /“Look at me”/);
      });
    } finally {
      restore();
    }
  });
});
