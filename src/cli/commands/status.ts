import type { Command } from 'commander';
import { backlogStatus, type BacklogStatus } from '../../adapters/sync/backlogStatus';
import type { ChangeCount } from '../../core/sync/backlogBranch';
import { english } from '../../core/text/english';
import { Stop } from '../cliErrors';
import { targetOf } from '../cliTarget';

function counted(changes: ChangeCount): string {
  const parts = [`${changes.added} added`, `${changes.changed} changed`, `${changes.removed} removed`].filter((p) => !p.startsWith('0 '));
  return parts.length > 0 ? parts.join(', ') : 'no entries';
}

function describeStatus(status: BacklogStatus): string {
  const where = `${status.remote}/${status.branch}`;
  switch (status.state) {
    case 'in-sync':
      return `In sync with ${where}.`;
    case 'outgoing':
      return `Changes waiting to go out to ${where}: ${counted(status.outgoing)}.`;
    case 'incoming':
      return `Teammates' changes waiting to come in from ${where}: ${counted(status.incoming)}.`;
    case 'both':
      return `Changes waiting to go out (${counted(status.outgoing)}) and teammates' changes to come in (${counted(status.incoming)}) on ${where}; a sync merges them.`;
    case 'not-shared':
      return `Not shared yet: ${status.remote} has no branch ${status.branch}. Run "stupid-work sync" to create it.`;
    case 'no-backlog':
      return `No backlog yet, here or on ${where}.`;
  }
}

async function runStatus(command: Command, { json, fetch }: { json?: boolean; fetch: boolean }): Promise<void> {
  const { file, settings } = targetOf(command);
  const outcome = await backlogStatus(file, settings, fetch);
  if (!outcome.ok) throw new Stop(english(outcome.message));
  process.stdout.write(json ? `${JSON.stringify({ file, ...outcome.status })}\n` : `${describeStatus(outcome.status)}\n`);
}

/** `stupid-work status`: what the editor's status bar item says. */
export function registerStatus(cli: Command): void {
  cli
    .command('status')
    .description('say whether changes wait to go out or to come in')
    .option('--json', 'machine-readable output')
    .option('--no-fetch', 'do not ask the remote; use what was fetched last')
    .addHelpText('after', '\nExample:\n  $ stupid-work status --json')
    .action((options: { json?: boolean; fetch: boolean }, command: Command) => runStatus(command, options));
}
