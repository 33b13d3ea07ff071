import * as vscode from 'vscode';
import { markdownInline } from '../../core/text/inertText';

/**
 * Markdown built by `md`: the extension's own markup with every value escaped, and the commands of
 * its own links. Only this module makes one, so a part can go into another template as it is.
 */
export interface MarkdownPart {
  readonly value: string;
  readonly commands: readonly string[];
}

type Value = string | number | MarkdownPart | readonly MarkdownPart[];

const built = new WeakSet<MarkdownPart>();

function part(value: string, commands: readonly string[]): MarkdownPart {
  const made: MarkdownPart = { value, commands };
  built.add(made);
  return made;
}

function isPart(value: unknown): value is MarkdownPart {
  return typeof value === 'object' && value !== null && built.has(value as MarkdownPart);
}

/**
 * A tagged template for hovers and tooltips, VS Code's Markdown surfaces. The template's literal
 * text is the extension's own Markdown; every interpolated string or number is made inert by
 * `markdownInline` (one line, no markup, HTML, link, autolink or icon, bidi isolated), whoever
 * wrote it. Parts made by `md` or `commandLink`, alone or in an array, go in as they are.
 *
 * @example md`**${entry.title}**\n\n${facts.map((fact) => md`- ${fact}\n`)}`
 */
export function md(template: TemplateStringsArray, ...values: readonly Value[]): MarkdownPart {
  let value = template[0];
  const commands: string[] = [];
  values.forEach((item, index) => {
    const parts = Array.isArray(item) ? item : [item];
    for (const piece of parts) {
      if (isPart(piece)) {
        value += piece.value;
        commands.push(...piece.commands);
      } else {
        value += markdownInline(String(piece as string | number));
      }
    }
    value += template[index + 1];
  });
  return part(value, commands);
}

/**
 * A link that runs one of the extension's own commands, such as opening an entry. The label is
 * escaped like any value and the arguments are JSON in the query, as VS Code's `command:` links
 * take them; `untrustedMarkdown` enables exactly the commands of such links and no other.
 */
export function commandLink(label: string, command: string, args: readonly unknown[]): MarkdownPart {
  return part(`[${markdownInline(label)}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`, [command]);
}

/**
 * The `MarkdownString` for a hover or a tooltip: `isTrusted` is false, or lists only the commands of
 * the part's own `commandLink`s (VS Code's `MarkdownStringTrustedOptions`); `supportHtml` and
 * `supportThemeIcons` are false. This is the only place the extension makes a `MarkdownString`.
 */
export function untrustedMarkdown(content: MarkdownPart): vscode.MarkdownString {
  if (!isPart(content)) {
    throw new TypeError('untrustedMarkdown takes only what md or commandLink built');
  }
  const markdown = new vscode.MarkdownString(content.value, false);
  markdown.isTrusted = content.commands.length > 0 ? { enabledCommands: [...new Set(content.commands)] } : false;
  markdown.supportHtml = false;
  return markdown;
}
