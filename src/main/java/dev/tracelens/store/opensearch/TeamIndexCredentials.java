package dev.tracelens.store.opensearch;

import dev.tracelens.common.UserDirs;
import dev.tracelens.store.StoreException;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * How Tracelens proves who it is to a team index, and which extra CA it trusts. Read from the
 * environment, else from a credentials file; never from settings, never written anywhere, and
 * {@link #toString()} names only the kind. Environment:
 * <ul>
 *   <li>{@code TRACELENS_OPENSEARCH_USER} + {@code TRACELENS_OPENSEARCH_PASSWORD}: basic auth;</li>
 *   <li>{@code TRACELENS_OPENSEARCH_API_KEY}: an API key ({@code Authorization: ApiKey ...}, the
 *       base64 of {@code id:key} as the cluster hands it out);</li>
 *   <li>{@code TRACELENS_OPENSEARCH_AWS_REGION} (and optionally {@code TRACELENS_OPENSEARCH_AWS_SERVICE},
 *       {@code es} or {@code aoss}): sign requests with AWS SigV4, credentials from the AWS SDK's
 *       default chain (environment, profile, instance role);</li>
 *   <li>{@code TRACELENS_OPENSEARCH_CA}: a PEM file of CA certificates trusted besides the JVM's;</li>
 *   <li>{@code TRACELENS_OPENSEARCH_CREDENTIALS}: the credentials file (default
 *       {@code ~/.config/tracelens/opensearch.properties}), a properties file with the keys
 *       {@code user}, {@code password}, {@code api_key}, {@code aws_region}, {@code aws_service},
 *       {@code ca}, used for whatever the environment leaves unset.</li>
 * </ul>
 */
public final class TeamIndexCredentials {
    public static final String USER = "TRACELENS_OPENSEARCH_USER";
    public static final String PASSWORD = "TRACELENS_OPENSEARCH_PASSWORD";
    public static final String API_KEY = "TRACELENS_OPENSEARCH_API_KEY";
    public static final String AWS_REGION = "TRACELENS_OPENSEARCH_AWS_REGION";
    public static final String AWS_SERVICE = "TRACELENS_OPENSEARCH_AWS_SERVICE";
    public static final String CA = "TRACELENS_OPENSEARCH_CA";
    public static final String FILE = "TRACELENS_OPENSEARCH_CREDENTIALS";

    private final String user;
    private final String password;
    private final String apiKey;
    private final String awsRegion;
    private final String awsService;
    private final Path caFile;

    private TeamIndexCredentials(String user, String password, String apiKey, String awsRegion, String awsService,
                                 Path caFile) {
        this.user = user;
        this.password = password;
        this.apiKey = apiKey;
        this.awsRegion = awsRegion;
        this.awsService = awsService;
        this.caFile = caFile;
    }

    /** No credentials, the JVM's trust store only. */
    public static TeamIndexCredentials none() {
        return new TeamIndexCredentials(null, null, null, null, null, null);
    }

    /** From this process's environment and the credentials file it names (or the default one). */
    public static TeamIndexCredentials fromEnvironment() {
        return from(System.getenv(), UserDirs.current().config().resolve("opensearch.properties"));
    }

    /** From {@code env}, falling back to the properties in the file {@code env} names, else {@code defaultFile}. */
    public static TeamIndexCredentials from(Map<String, String> env, Path defaultFile) {
        Path file = blank(env.get(FILE)) ? defaultFile : Path.of(env.get(FILE));
        Properties p = new Properties();
        if (file != null && Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                // The message names the file, never its content.
                throw new StoreException("Cannot read the OpenSearch credentials file " + file + ": "
                        + e.getClass().getSimpleName());
            }
        } else if (!blank(env.get(FILE))) {
            throw new StoreException("The OpenSearch credentials file " + file + " (" + FILE + ") does not exist");
        }
        String user = pick(env.get(USER), p.getProperty("user"));
        String password = pick(env.get(PASSWORD), p.getProperty("password"));
        if (user != null && password == null) {
            throw new StoreException("An OpenSearch user is set but no password (" + PASSWORD + " or 'password' in "
                    + file + ")");
        }
        String ca = pick(env.get(CA), p.getProperty("ca"));
        return new TeamIndexCredentials(user, password, pick(env.get(API_KEY), p.getProperty("api_key")),
                pick(env.get(AWS_REGION), p.getProperty("aws_region")),
                pick(env.get(AWS_SERVICE), p.getProperty("aws_service")), ca == null ? null : Path.of(ca));
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    String apiKey() {
        return apiKey;
    }

    String awsRegion() {
        return awsRegion;
    }

    String awsService() {
        return awsService == null ? "es" : awsService;
    }

    Path caFile() {
        return caFile;
    }

    /** The kind of authentication only, never a secret. */
    @Override
    public String toString() {
        String kind = apiKey != null ? "api key" : user != null ? "basic auth as " + user
                : awsRegion != null ? "AWS SigV4 (" + awsRegion + ")" : "none";
        return "TeamIndexCredentials[" + kind + (caFile != null ? ", CA " + caFile : "") + "]";
    }

    private static String pick(String env, String file) {
        return !blank(env) ? env.strip() : !blank(file) ? file.strip() : null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
