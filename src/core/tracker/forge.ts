/**
 * From the backlog remote's URL to the hosting site's "new issue" page, with a title and a body filled
 * in. The remote URL forms (scp-like `git@host:owner/repo.git`, `ssh://`, `https://`, with a user,
 * a password or a port) are parsed by `git-url-parse`; which site it is and what its page is called
 * are ours. No token is needed: the person signs in on the site as usual.
 */
import gitUrlParse from 'git-url-parse';
import type { TrackerMessage } from '../text/messages';
import type { Forge } from './forges';

/** A repository on a hosting site, as its web pages address it. */
export interface ForgeRepository {
  forge: Forge;
  /** The site's web origin, always `https`, with the port only when the remote's own https URL had one; never a user or password. */
  origin: string;
  /** The path segments after the origin that name the repository: owner (GitLab: groups) and name; Azure: organization, project, repository. */
  path: string[];
}

export type ForgeLookup = { ok: true; repository: ForgeRepository } | { ok: false; message: TrackerMessage };

/** Host names (or their labels) that tell the site; anything else needs the `stupidWork.tracker.forge` setting. */
function forgeOfHost(host: string): Forge | undefined {
  if (host === 'dev.azure.com' || host === 'ssh.dev.azure.com' || host.endsWith('.visualstudio.com')) return 'azure';
  if (host === 'bitbucket.org') return 'bitbucket';
  const labels = host.split('.');
  if (labels.some((label) => label === 'github' || label.startsWith('github-'))) return 'github';
  if (labels.some((label) => label === 'gitlab' || label.startsWith('gitlab-'))) return 'gitlab';
  if (host === 'codeberg.org' || labels.some((label) => label === 'gitea' || label === 'forgejo')) return 'gitea';
  return undefined;
}

/** The Azure DevOps organization, project and repository; old `*.visualstudio.com` URLs name the organization in the host. */
function azurePath(host: string, segments: string[]): string[] | undefined {
  // ssh: v3/{organization}/{project}/{repository}
  if (segments[0] === 'v3' && segments.length === 4) return segments.slice(1);
  const git = segments.indexOf('_git');
  if (git < 0 || git !== segments.length - 2) return undefined;
  if (host === 'dev.azure.com') return git === 2 ? [segments[0], segments[1], segments[3]] : undefined;
  const organization = host.slice(0, -'.visualstudio.com'.length);
  // {organization}.visualstudio.com/{project}/_git/{repository}, or with a collection segment before the project.
  return git >= 1 ? [organization, segments[git - 1], segments[git + 1]] : undefined;
}

function webOrigin(forge: Forge, host: string, port: string, protocol: string): string {
  if (forge === 'azure') return 'https://dev.azure.com';
  // An ssh port is not the web server's; an https remote's port is.
  return protocol === 'https' && port !== '' ? `https://${host}:${port}` : `https://${host}`;
}

/**
 * Which hosting site and repository a git remote URL points at. `override` names the site when its
 * host name does not tell (a self-hosted GitLab at `git.example.com`). Refused with a message for a
 * URL that is no network remote (a local path, `file://`), for plain `http` (pages are opened only
 * over https), and for a site or path this cannot map; the person can still link an issue by hand.
 */
export function forgeRepository(remoteUrl: string, override?: Forge): ForgeLookup {
  const unknown: ForgeLookup = { ok: false, message: { code: 'tracker.unknownForge', host: '' } };
  let parsed: gitUrlParse.GitUrl;
  try {
    parsed = gitUrlParse(remoteUrl.trim());
  } catch {
    return { ok: false, message: { code: 'tracker.notNetworkRemote' } };
  }
  const protocol = parsed.protocol;
  const host = parsed.resource.toLowerCase();
  if (host === '' || protocol === 'file') return { ok: false, message: { code: 'tracker.notNetworkRemote' } };
  if (protocol === 'http') return { ok: false, message: { code: 'tracker.plainHttpRemote', host } };
  if (protocol !== 'https' && protocol !== 'ssh' && protocol !== 'git') return { ok: false, message: { code: 'tracker.notNetworkRemote' } };
  const forge = override ?? forgeOfHost(host);
  if (!forge) return { ...unknown, message: { code: 'tracker.unknownForge', host } };
  const segments = parsed.pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => decodeURIComponent(s));
  const last = segments.length - 1;
  if (last >= 0) segments[last] = segments[last].replace(/\.git$/, '');
  const path = forge === 'azure' ? azurePath(host, segments) : segments;
  // GitLab nests groups (group/subgroup/repo); the others have exactly owner/repo.
  const shaped = forge === 'gitlab' ? (path?.length ?? 0) >= 2 : path?.length === (forge === 'azure' ? 3 : 2);
  if (!path || !shaped || path.some((s) => s === '' || s === '.' || s === '..')) return { ok: false, message: { code: 'tracker.unknownPath', host } };
  return { ok: true, repository: { forge, origin: webOrigin(forge, host, parsed.port, protocol), path } };
}

/** What the new issue says, already written for the site (Markdown, or plain text for Azure DevOps). */
export interface IssueText {
  title: string;
  body: string;
}

function pathOf(segments: string[]): string {
  return segments.map(encodeURIComponent).join('/');
}

/**
 * The site's "new issue" page with `text` filled in, through each site's own query parameters:
 * GitHub and Gitea `title`/`body`, GitLab `issue[title]`/`issue[description]`, Bitbucket
 * `title`/`content`, and Azure DevOps a new Task work item (a type every process template has)
 * with `[System.Title]`/`[System.Description]`.
 */
export function newIssueUrl(repository: ForgeRepository, text: IssueText): string {
  const { forge, origin, path } = repository;
  const query = new URLSearchParams();
  let page: string;
  switch (forge) {
    case 'github':
    case 'gitea':
      page = `${pathOf(path)}/issues/new`;
      query.set('title', text.title);
      query.set('body', text.body);
      break;
    case 'gitlab':
      page = `${pathOf(path)}/-/issues/new`;
      query.set('issue[title]', text.title);
      query.set('issue[description]', text.body);
      break;
    case 'bitbucket':
      page = `${pathOf(path)}/issues/new`;
      query.set('title', text.title);
      query.set('content', text.body);
      break;
    case 'azure':
      page = `${pathOf(path.slice(0, 2))}/_workitems/create/Task`;
      query.set('[System.Title]', text.title);
      query.set('[System.Description]', text.body);
      break;
  }
  return `${origin}/${page}?${query.toString().replace(/\+/g, '%20')}`;
}
