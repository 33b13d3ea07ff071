import type { Command } from 'commander';
import { liveComments } from '../../core/comments/comments';
import { dayOf } from '../../core/model/calendar';
import { formatHours, hoursPerMonth } from '../../core/model/cost';
import { SMART_KEYS, type Entry } from '../../core/model/model';
import { plural } from '../../core/text/plural';
import { namedVoters, voteOf, voterNames } from '../../core/votes/votes';
import { readBacklogFile } from '../backlogFile';
import { EXIT_CODES_HELP } from '../cliErrors';
import { targetOf } from '../cliTarget';
import { cliClock } from '../clock';
import { englishLabels } from '../english';
import { entryByRef } from '../entryRef';
import { printJson, stdoutColors, type Colors } from '../output';
import { terminalBlock, terminalLine } from '../terminalText';
import { voterOf } from '../voter';

function indent(text: string): string {
  return text.split('\n').map((line) => `    ${line}`).join('\n');
}

/** The entry as a person reads it: facts, answers, decision, comments; every text from the file made inert. */
function describe(e: Entry, mine: 'none' | 'anonymous' | 'named', helpers: string[], colors: Colors): string {
  const labels = englishLabels();
  const clock = cliClock();
  const day = (stamp: string) => dayOf(stamp, clock) ?? stamp;
  const out = [colors.bold(terminalLine(e.title)), `${colors.dim('id')} ${e.id}`];
  const facts = [labels.kinds[e.kind], labels.statuses[e.status], labels.triage[e.triage]];
  if (e.reasons.length > 0) facts.push(e.reasons.map((r) => labels.reasons[r]).join(', '));
  out.push(facts.join(' · '));
  out.push(`${e.author ? terminalLine(e.author.name) : labels.anonymous}, ${day(e.created)}`);
  if (e.cost) out.push(`${formatHours(hoursPerMonth(e.cost))} per month (${e.cost.hoursPerOccurrence} h × ${e.cost.occurrences} ${labels.periods[e.cost.per]} × ${plural({ one: '{0} person', other: '{0} people' }, e.cost.people, 'en')})`);
  const votes = plural({ one: '{0} vote', other: '{0} votes' }, e.votes.length, 'en');
  const yours = mine === 'none' ? '' : mine === 'named' ? ', yours with your name' : ', yours anonymous';
  out.push(`${votes}${yours}${helpers.length > 0 ? `; helping: ${helpers.map((h) => terminalLine(h)).join(', ')}` : ''}`);
  for (const link of e.links) out.push(`${colors.dim('code')} ${terminalLine(link.path)}:${link.startLine}-${link.endLine}`);
  for (const key of SMART_KEYS) {
    const answer = e.smart[key].trim();
    if (answer !== '') out.push('', colors.bold(labels.smart[key]), indent(terminalBlock(answer)));
  }
  const d = e.decision;
  if (d) {
    out.push('', colors.bold(`Decision: ${labels.outcomes[d.outcome]}`));
    out.push(`    owner ${terminalLine(d.owner)}${d.due ? `, due ${d.due}` : ''}; follow-up: ${labels.followUps[d.followUp]}`);
    if (d.rationale.trim() !== '') out.push(indent(terminalBlock(d.rationale)));
    if (d.trackingUrl) out.push(`    tracked in ${terminalLine(d.trackingUrl)}`);
  }
  const comments = liveComments(e);
  if (comments.length > 0) {
    out.push('', colors.bold(plural({ one: '{0} comment', other: '{0} comments' }, comments.length, 'en')));
    for (const c of comments) {
      out.push(`  ${colors.cyan(c.author ? terminalLine(c.author.name) : labels.anonymous)}, ${day(c.created)}${c.edited ? ' (edited)' : ''}`, indent(terminalBlock(c.text)));
    }
  }
  return `${out.join('\n')}\n`;
}

async function runShow(id: string, options: { json?: boolean }, command: Command): Promise<void> {
  const target = targetOf(command);
  const backlog = await readBacklogFile(target.file);
  const entry = entryByRef(backlog, id);
  const { voter } = await voterOf(target);
  const mine = voteOf(entry, voter);
  if (options.json) {
    printJson({ entry, hoursPerMonth: hoursPerMonth(entry.cost), yourVote: mine });
    return;
  }
  process.stdout.write(describe(entry, mine, namedVoters(entry, voterNames(backlog)), stdoutColors()));
}

/** `stupid-work show ID`: one entry, its comments and its decision. */
export function registerShow(cli: Command): void {
  cli
    .command('show <id>')
    .description('print one entry with its answers, decision and comments; the id may be shortened to a prefix no other entry has')
    .option('--json', 'print the entry as stored, with its hours per month and your vote')
    .addHelpText('after', `\nExample:\n  $ stupid-work show 01JD4N8Q\n${EXIT_CODES_HELP}`)
    .action((id: string, options: { json?: boolean }, command: Command) => runShow(id, options, command));
}
