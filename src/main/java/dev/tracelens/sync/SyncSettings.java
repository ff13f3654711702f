package dev.tracelens.sync;

import java.net.URI;

/**
 * Where the Papertrail archives live. Persisted between runs so that {@code tracelens sync --from D}
 * works without repeating the bucket. Deliberately has no field for credentials: those stay in the
 * AWS SDK's own chain (environment, ~/.aws files) and Tracelens never writes them anywhere.
 *
 * @param bucket   S3 bucket name
 * @param prefix   key prefix before the {@code dt=YYYY-MM-DD/} folders, without leading/trailing slash
 * @param region   AWS region, or null for the SDK's default region chain
 * @param profile  named AWS profile, or null for the default credentials chain
 * @param endpoint endpoint URL of an S3-compatible store (path-style access), or null for AWS
 * @param formats  the key layout and input format of each prefix of the bucket that is not
 *                 Papertrail's {@code dt=} layout with formats told by content (issue 16)
 */
public record SyncSettings(String bucket, String prefix, String region, String profile, String endpoint,
                           // left out of sync.json while empty, so files without formats stay as they were
                           @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                           java.util.List<PrefixFormat> formats) {

    /** Papertrail's default archive prefix. */
    public static final String DEFAULT_PREFIX = "papertrail/logs";

    public SyncSettings {
        bucket = blankToNull(bucket);
        prefix = prefix == null ? DEFAULT_PREFIX : normalizePrefix(prefix);
        region = blankToNull(region);
        profile = blankToNull(profile);
        endpoint = blankToNull(endpoint);
        formats = formats == null ? java.util.List.of() : java.util.List.copyOf(formats);
        if (endpoint != null) {
            URI uri;
            try {
                uri = URI.create(endpoint);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Endpoint is not a URL: " + endpoint);
            }
            // Checked here, for the app and the CLI alike: these settings are saved to sync.json.
            if (uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("The endpoint must not hold credentials; put them in"
                        + " ~/.aws/credentials (a profile) or the AWS_* environment");
            }
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("Endpoint must be an http(s) URL with a host: " + endpoint);
            }
        }
    }

    public SyncSettings(String bucket, String prefix, String region, String profile, String endpoint) {
        this(bucket, prefix, region, profile, endpoint, java.util.List.of());
    }

    /** Empty settings (default prefix, nothing else). */
    public static SyncSettings empty() {
        return new SyncSettings(null, null, null, null, null);
    }

    /** The layout and format of the keys under {@code prefix}: the saved entry, or the defaults. */
    public PrefixFormat formatFor(String prefix) {
        String p = normalizePrefix(prefix == null ? "" : prefix);
        return formats.stream().filter(f -> f.prefix().equals(p)).findFirst().orElse(PrefixFormat.defaults(p));
    }

    /** These settings with {@code format} as its prefix's entry (replacing an earlier one). */
    public SyncSettings withFormat(PrefixFormat format) {
        java.util.List<PrefixFormat> out = new java.util.ArrayList<>(formats);
        out.removeIf(f -> f.prefix().equals(format.prefix()));
        if (!format.equals(PrefixFormat.defaults(format.prefix()))) {
            out.add(format);
        }
        out.sort(java.util.Comparator.comparing(PrefixFormat::prefix));
        return new SyncSettings(bucket, prefix, region, profile, endpoint, out);
    }

    /** These settings with every non-null field of {@code override} taking precedence. */
    public SyncSettings overriddenBy(String bucket, String prefix, String region, String profile, String endpoint) {
        return new SyncSettings(
                bucket != null ? bucket : this.bucket,
                prefix != null ? prefix : this.prefix,
                region != null ? region : this.region,
                profile != null ? profile : this.profile,
                endpoint != null ? endpoint : this.endpoint,
                formats);
    }

    /** Strips slashes at both ends: users write "papertrail/logs/" as often as "papertrail/logs". */
    static String normalizePrefix(String prefix) {
        String p = prefix.trim();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
