package dev.tracelens.traceback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Computes the group key of a traceback, so that the same failure at the same call site groups
 * together however often it happens, on whichever machine.
 *
 * <p>Parts, in order:
 * <ul>
 *   <li>{@code type:X}: the final exception's type, as printed (dotted names kept);</li>
 *   <li>{@code cause:X} for each chained exception ({@code __cause__} or {@code __context__}),
 *       {@code group:X} for each ExceptionGroup member, in printed order;</li>
 *   <li>{@code frame:path:function} for the final exception's frames, outermost first. Like
 *       Sentry, only in-app frames count when there are any (not under site-packages,
 *       dist-packages or the interpreter's lib/pythonX.Y); otherwise all frames. Wrapper frames
 *       (newrelic, wrapt, functools, contextlib, decorator helpers) never count, so
 *       instrumentation does not split groups. Line numbers never count, and repeated runs of
 *       one frame (recursion) count once;</li>
 *   <li>{@code message:...} only when there are no frames at all (e.g. a traceback cut off right
 *       after its exception line): then the type alone is too coarse, so the message goes in
 *       with the values masked (numbers, quoted strings, hex, paths);</li>
 *   <li>{@code truncated} when the traceback was cut off before its exception line.</li>
 * </ul>
 * Paths are normalised so interpreter and virtualenv locations do not matter: library paths are
 * cut after site-packages/, dist-packages/ or lib/pythonX.Y/; application paths keep their last
 * two components without version or release directories.
 */
public final class Fingerprinter {
    private static final Set<String> WRAPPER_MODULES = Set.of("functools.py", "contextlib.py", "decorator.py");
    private static final List<String> WRAPPER_PACKAGES = List.of(
            "newrelic/", "wrapt/", "ddtrace/", "sentry_sdk/", "elasticapm/", "opentelemetry/");
    private static final Set<String> WRAPPER_FUNCTIONS = Set.of(
            "wrapper", "_wrapper", "wrapped", "_wrapped", "inner", "_inner", "decorated", "decorator",
            "_decorator", "wrap", "__wrapped__", "wrapper_function");
    /** A path component that is a version, release id or hash, not a name. */
    private static final Pattern VOLATILE_COMPONENT =
            Pattern.compile("(?i)[\\d._-]+|[0-9a-f]{7,}|.*\\d+\\.\\d+.*\\d{6,}.*|s~.*|.*\\.egg");
    private static final Pattern VERSION_IN_NAME = Pattern.compile("[-_]\\d+(?:\\.\\d+)++[\\w.]*"); // possessive: see TracebackLines.EXCEPTION

    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern HEX = Pattern.compile("(?i)\\b0x[0-9a-f]+\\b|\\b[0-9a-f]{8}-[0-9a-f-]{27,}\\b|\\b[0-9a-f]{12,}\\b");
    private static final Pattern PATH = Pattern.compile("(?:[A-Za-z]:)?[/\\\\][\\w.~/\\\\-]+");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    private Fingerprinter() {
    }

    public static Fingerprint of(ParsedTraceback parsed, boolean truncated) {
        return of(parsed, truncated, InApp.NONE);
    }

    /** With in-app prefixes set, they alone decide which frames are the application's own. */
    static Fingerprint of(ParsedTraceback parsed, boolean truncated, InApp inApp) {
        List<String> parts = new ArrayList<>();
        parts.add("type:" + parsed.exceptionType());
        for (ChainedException c : parsed.causes()) {
            parts.add(("group".equals(c.relation()) ? "group:" : "cause:") + c.exceptionType());
        }
        List<String> framesParts = frameParts(parsed.frames(), inApp);
        parts.addAll(framesParts);
        if (parsed.frames().isEmpty() && !parsed.message().isEmpty()) {
            parts.add("message:" + maskMessage(parsed.message()));
        }
        if (truncated && parsed.exceptionType().isEmpty()) {
            parts.add("truncated");
        }
        return new Fingerprint(hash(parts), parts);
    }

    private static List<String> frameParts(List<Frame> frames, InApp inApp) {
        List<String> app = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (Frame f : frames) {
            String file = f.file().replace('\\', '/');
            int libraryEnd = LibraryFiles.rootEnd(file);
            boolean library = libraryEnd >= 0 || LibraryFiles.isFrozen(file);
            String path = libraryEnd >= 0 ? libraryPath(file.substring(libraryEnd)) : appPath(file);
            if (isWrapper(path, f.function(), library)) {
                continue;
            }
            String part = "frame:" + path + ":" + f.function();
            addCollapsed(all, part);
            if (inApp.isOwn(f.function(), f.file(), library)) {
                addCollapsed(app, part);
            }
        }
        return app.isEmpty() ? all : app;
    }

    private static void addCollapsed(List<String> parts, String part) {
        if (parts.isEmpty() || !parts.get(parts.size() - 1).equals(part)) {
            parts.add(part);
        }
    }

    private static boolean isWrapper(String path, String function, boolean library) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (library && WRAPPER_MODULES.contains(name)) {
            return true;
        }
        for (String pkg : WRAPPER_PACKAGES) {
            if (path.startsWith(pkg)) {
                return true;
            }
        }
        return library && WRAPPER_FUNCTIONS.contains(function);
    }

    /** Inside site-packages etc.: drop egg and versioned directories, keep the rest. */
    private static String libraryPath(String rest) {
        String[] parts = rest.split("/");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            boolean last = i == parts.length - 1;
            if (p.isEmpty() || (!last && p.toLowerCase(Locale.ROOT).endsWith(".egg"))) {
                continue;
            }
            if (!last) {
                p = VERSION_IN_NAME.matcher(p).replaceAll("");
            }
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(p);
        }
        return out.toString();
    }

    /** Application code: the last two meaningful components (deploy roots differ per machine). */
    private static String appPath(String file) {
        if (file.startsWith("<")) {
            return file;
        }
        String[] parts = file.split("/");
        List<String> kept = new ArrayList<>();
        for (int i = parts.length - 1; i >= 0 && kept.size() < 2; i--) {
            String p = parts[i];
            boolean last = i == parts.length - 1;
            if (p.isEmpty() || (!last && VOLATILE_COMPONENT.matcher(p).matches()) || p.endsWith(":")) {
                continue;
            }
            kept.add(0, p);
        }
        return String.join("/", kept);
    }

    static String maskMessage(String message) {
        String m = message.length() > 500 ? message.substring(0, 500) : message;
        m = QUOTED.matcher(m).replaceAll("'*'");
        m = HEX.matcher(m).replaceAll("#");
        m = PATH.matcher(m).replaceAll("/*");
        m = NUMBER.matcher(m).replaceAll("#");
        return m.strip().replaceAll("\\s+", " ");
    }

    static String hash(List<String> parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
