package dev.tracelens.engine;

/**
 * Where the app creates a ticket: a GitHub repository or a Jira project, as the CLI's
 * {@code --github OWNER/REPO [--github-api URL]} or {@code --jira URL --project KEY}. Credentials
 * are not here: they come from the environment or the credentials file, as for the CLI.
 *
 * @param where   {@code owner/repo} for GitHub, the site URL for Jira
 * @param project the Jira project key (ignored for GitHub)
 * @param api     the GitHub API URL (GitHub Enterprise); blank for the public one
 */
public record TicketTarget(Kind kind, String where, String project, String api) {
    public enum Kind { GITHUB, JIRA }

    public TicketTarget {
        where = where == null ? "" : where.strip();
        project = project == null ? "" : project.strip();
        api = api == null ? "" : api.strip();
    }

    /** The client, credentials from the environment, else the user's credentials file. */
    dev.tracelens.trackers.TrackerClient client() {
        java.nio.file.Path file = dev.tracelens.common.UserDirs.current().config().resolve("credentials.properties");
        if (where.isEmpty()) {
            throw new IllegalArgumentException(kind == Kind.GITHUB ? "name the repository (owner/repo)" : "give the Jira site's URL");
        }
        if (kind == Kind.GITHUB) {
            return TicketService.github(api.isEmpty() ? null : java.net.URI.create(api), where, System.getenv(), file);
        }
        if (project.isEmpty()) {
            throw new IllegalArgumentException("give the Jira project key");
        }
        return TicketService.jira(java.net.URI.create(where), project, null, "Bug", System.getenv(), file);
    }
}
