package dev.tracelens.store.opensearch;

import dev.tracelens.store.StoreException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a team index lives, as {@code --store} takes it: {@code https://host:9200/INDEX} (or
 * {@code http://} on loopback and in tests). The URL never carries credentials: a user name or
 * password in it is refused, because the URL goes into settings files and messages; they come from
 * the environment or a credentials file ({@link TeamIndexCredentials}).
 *
 * @param scheme {@code http} or {@code https}
 * @param index  the index name (OpenSearch's rules: lowercase, no {@code \ / * ? " < > | , #} or spaces)
 */
public record TeamIndexAddress(String scheme, String host, int port, String pathPrefix, String index) {
    private static final Pattern INDEX = Pattern.compile("[a-z0-9][a-z0-9._+-]{0,254}");

    /** Whether {@code location} names a team index rather than a store folder. */
    public static boolean isUrl(String location) {
        String l = location == null ? "" : location.strip().toLowerCase(Locale.ROOT);
        return l.startsWith("https://") || l.startsWith("http://");
    }

    /** Parses {@code http(s)://host[:port][/prefix]/INDEX}. */
    public static TeamIndexAddress parse(String location) {
        URI uri;
        try {
            uri = new URI(location.strip());
        } catch (URISyntaxException e) {
            throw new StoreException("Not a team index URL: " + safe(location)
                    + " (expected https://host:9200/INDEX)");
        }
        if (uri.getRawUserInfo() != null) {
            throw new StoreException("A team index URL must not hold credentials (" + uri.getScheme() + "://"
                    + uri.getHost() + "/...): set TRACELENS_OPENSEARCH_USER and TRACELENS_OPENSEARCH_PASSWORD,"
                    + " TRACELENS_OPENSEARCH_API_KEY, or a credentials file instead");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new StoreException("Not a team index URL: " + safe(location) + " (expected https://host:9200/INDEX)");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        int slash = path.lastIndexOf('/');
        String index = slash < 0 ? "" : path.substring(slash + 1);
        String prefix = slash <= 0 ? "" : path.substring(0, slash);
        if (!INDEX.matcher(index).matches()) {
            throw new StoreException("The team index URL " + safe(location) + " names no valid index: put the index"
                    + " name after the host, e.g. https://search.example.com:9200/tracebacks (lowercase letters,"
                    + " digits, '-', '_', '.', '+')");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new TeamIndexAddress(scheme, uri.getHost(), port, prefix, index);
    }

    /** The URL again, as shown to users and kept in settings (never with credentials). */
    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port + pathPrefix + "/" + index;
    }

    private static String safe(String location) {
        // Whatever sits before an '@' could be a password typed into the URL.
        String l = location == null ? "" : location;
        int at = l.lastIndexOf('@');
        int scheme = l.indexOf("://");
        return at >= 0 && scheme >= 0 && at > scheme ? l.substring(0, scheme + 3) + "…@" + l.substring(at + 1) : l;
    }
}
