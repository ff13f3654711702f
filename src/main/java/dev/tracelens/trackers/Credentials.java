package dev.tracelens.trackers;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/**
 * How Tracelens authenticates to a tracker: an {@code Authorization} header value and where it
 * came from. The secret is only ever put into that header: {@link #toString()} and every message
 * name its source (an environment variable, a file), never its value.
 *
 * @param header the {@code Authorization} value ({@code Basic …} or {@code Bearer …}); null for none
 * @param source where it came from, for messages ({@code JIRA_API_TOKEN}, {@code ~/.config/tracelens/credentials.properties})
 */
public record Credentials(String header, String source) {

    /** No credentials (public GitHub repositories; tests of the auth failure). */
    public static final Credentials NONE = new Credentials(null, "no credentials");

    /** Jira Cloud: e-mail and API token as HTTP basic auth. */
    public static Credentials basic(String email, String token, String source) {
        String pair = email + ":" + token;
        return new Credentials("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)), source);
    }

    /** Jira Server/Data Center personal access token, or a GitHub token: a bearer token. */
    public static Credentials bearer(String token, String source) {
        return new Credentials("Bearer " + token, source);
    }

    /**
     * Jira credentials: {@code JIRA_EMAIL} + {@code JIRA_API_TOKEN} (Cloud), else {@code JIRA_PAT}
     * (Server/Data Center), from the environment first, then from the credentials file's
     * {@code jira.email}, {@code jira.token}, {@code jira.pat}.
     *
     * @param file a Java properties file; ignored when null or missing
     */
    public static Credentials jira(Map<String, String> env, Path file) {
        if (present(env.get("JIRA_EMAIL")) && present(env.get("JIRA_API_TOKEN"))) {
            return basic(env.get("JIRA_EMAIL"), env.get("JIRA_API_TOKEN"), "JIRA_EMAIL and JIRA_API_TOKEN");
        }
        if (present(env.get("JIRA_PAT"))) {
            return bearer(env.get("JIRA_PAT"), "JIRA_PAT");
        }
        Properties p = load(file);
        if (present(p.getProperty("jira.email")) && present(p.getProperty("jira.token"))) {
            return basic(p.getProperty("jira.email"), p.getProperty("jira.token"), "jira.email and jira.token in " + file);
        }
        if (present(p.getProperty("jira.pat"))) {
            return bearer(p.getProperty("jira.pat"), "jira.pat in " + file);
        }
        return NONE;
    }

    /**
     * GitHub credentials: {@code TRACELENS_GITHUB_TOKEN}, else {@code GITHUB_TOKEN}, else the
     * credentials file's {@code github.token}.
     */
    public static Credentials github(Map<String, String> env, Path file) {
        for (String name : new String[] {"TRACELENS_GITHUB_TOKEN", "GITHUB_TOKEN"}) {
            if (present(env.get(name))) {
                return bearer(env.get(name), name);
            }
        }
        Properties p = load(file);
        if (present(p.getProperty("github.token"))) {
            return bearer(p.getProperty("github.token"), "github.token in " + file);
        }
        return NONE;
    }

    /** {@code text} with the secret (and its encoded forms) replaced, for anything a server echoed back. */
    public String redact(String text) {
        if (text == null || header == null) {
            return text;
        }
        String secret = header.substring(header.indexOf(' ') + 1);
        String out = text.replace(secret, "[secret]");
        if (header.startsWith("Basic ")) {
            String decoded = new String(Base64.getDecoder().decode(secret), StandardCharsets.UTF_8);
            String token = decoded.substring(decoded.indexOf(':') + 1);
            if (!token.isEmpty()) {
                out = out.replace(token, "[secret]");
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "Credentials[" + source + "]";
    }

    private static boolean present(String v) {
        return v != null && !v.isBlank();
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        if (file == null || !Files.isRegularFile(file)) {
            return p;
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new TrackerException("Cannot read the credentials file " + file + ": " + e.getClass().getSimpleName());
        }
        return p;
    }
}
