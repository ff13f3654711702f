package dev.tracelens.cli;

import dev.tracelens.common.UserDirs;
import dev.tracelens.engine.TicketService;
import dev.tracelens.trackers.JiraClient;
import dev.tracelens.trackers.TrackerClient;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/** Which tracker a {@code tickets} command talks to: {@code --jira URL --project KEY} or {@code --github owner/repo}. */
public final class TrackerOptions {
    @Option(names = "--jira", paramLabel = "URL", description = "A Jira site, e.g. https://x.atlassian.net (with --project).")
    URI jira;

    @Option(names = "--project", paramLabel = "KEY", description = "The Jira project key.")
    String project;

    @Option(names = "--jira-api", paramLabel = "cloud|server",
            description = "Jira Cloud (REST v3) or Server/Data Center (REST v2); default: cloud for *.atlassian.net, else server.")
    String jiraApi;

    @Option(names = "--issue-type", paramLabel = "NAME", description = "The Jira issue type of created tickets (default: ${DEFAULT-VALUE}).")
    String issueType = "Bug";

    @Option(names = "--github", paramLabel = "OWNER/REPO", description = "A GitHub repository.")
    String github;

    @Option(names = "--github-api", paramLabel = "URL",
            description = "The GitHub API (default: https://api.github.com; GitHub Enterprise: https://HOST/api/v3).")
    URI githubApi;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "A properties file with jira.email + jira.token, jira.pat or github.token (default:"
                    + " ~/.config/tracelens/credentials.properties). The environment (JIRA_EMAIL + JIRA_API_TOKEN,"
                    + " JIRA_PAT, TRACELENS_GITHUB_TOKEN, GITHUB_TOKEN) comes first.")
    Path credentials;

    /** The client, or a message saying what is missing. */
    TrackerClient client(java.util.function.Function<String, RuntimeException> usage) {
        if ((jira == null) == (github == null)) {
            throw usage.apply("give either --jira URL --project KEY or --github OWNER/REPO");
        }
        Path file = credentials != null ? credentials : UserDirs.current().config().resolve("credentials.properties");
        if (jira != null) {
            if (project == null || project.isBlank()) {
                throw usage.apply("--jira needs --project KEY");
            }
            if (jira.getScheme() == null || !jira.getScheme().startsWith("http")) {
                throw usage.apply("--jira: not an http(s) URL: " + jira);
            }
            JiraClient.Api api = null;
            if (jiraApi != null) {
                try {
                    api = JiraClient.Api.valueOf(jiraApi.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw usage.apply("--jira-api: cloud or server, not " + jiraApi);
                }
            }
            return TicketService.jira(jira, project, api, issueType, System.getenv(), file);
        }
        try {
            return TicketService.github(githubApi, github, System.getenv(), file);
        } catch (IllegalArgumentException e) {
            throw usage.apply("--github: " + e.getMessage());
        }
    }
}
