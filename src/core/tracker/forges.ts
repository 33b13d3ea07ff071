/** The hosting sites whose "new issue" page can be found from a remote URL; kept apart from the parser, so settings can name them without loading it. */
export const FORGES = ['github', 'gitlab', 'bitbucket', 'azure', 'gitea'] as const;
/** GitHub, GitLab, Bitbucket Cloud, Azure DevOps, and the Gitea family (Gitea, Forgejo, Codeberg). */
export type Forge = (typeof FORGES)[number];
