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
 *   <li>{@code frame:path:function} for the final exception's in-app frames (not under
 *       site-packages, dist-packages or the interpreter's lib/pythonX.Y), outermost first. Wrapper frames
 *       (newrelic, wrapt, functools, contextlib, decorator helpers) never count, so
 *       instrumentation does not split groups. Line numbers never count, and repeated runs of
 *       one frame (recursion) count once;</li>
 *   <li>{@code message:...} instead of frames when none is in-app (all library frames, or none
 *       at all): the type and the message with its values replaced by placeholders
 *       ({@link MessageMask}); all frames only when the message is empty too;</li>
 *   <li>{@code truncated} when the traceback was cut off before its exception line.</li>
 * </ul>
 * Paths are normalised so interpreter and virtualenv locations do not matter: library paths are
 * cut after site-packages/, dist-packages/ or lib/pythonX.Y/; application paths are the module
 * path from the application's root ({@link AppPath}).
 */
public final class Fingerprinter {
    private static final Set<String> WRAPPER_MODULES = Set.of("functools.py", "contextlib.py", "decorator.py");
    private static final List<String> WRAPPER_PACKAGES = List.of(
            "newrelic/", "wrapt/", "ddtrace/", "sentry_sdk/", "elasticapm/", "opentelemetry/");
    private static final Set<String> WRAPPER_FUNCTIONS = Set.of(
            "wrapper", "_wrapper", "wrapped", "_wrapped", "inner", "_inner", "decorated", "decorator",
            "_decorator", "wrap", "__wrapped__", "wrapper_function");
    private static final Pattern VERSION_IN_NAME = Pattern.compile("[-_]\\d+(?:\\.\\d+)++[\\w.]*"); // possessive: see TracebackLines.EXCEPTION


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
        List<String> own = new ArrayList<>();
        List<String> all = new ArrayList<>();
        frameParts(parsed.frames(), inApp, own, all);
        String message = MessageMask.of(parsed.message());
        if (!own.isEmpty()) {
            parts.addAll(own);
        } else if (!message.isEmpty()) {
            // No frame of the application's own: library frames say where it surfaced, not which
            // bug it is, so the type and the masked message decide (issue 14).
            parts.add("message:" + message);
        } else {
            parts.addAll(all);
        }
        if (truncated && parsed.exceptionType().isEmpty()) {
            parts.add("truncated");
        }
        return new Fingerprint(hash(parts), parts);
    }

    private static void frameParts(List<Frame> frames, InApp inApp, List<String> app, List<String> all) {
        for (Frame f : frames) {
            String file = f.file().replace('\\', '/');
            int libraryEnd = LibraryFiles.rootEnd(file);
            boolean library = libraryEnd >= 0 || LibraryFiles.isFrozen(file);
            String path = libraryEnd >= 0 ? libraryPath(file.substring(libraryEnd)) : AppPath.of(file, inApp);
            if (isWrapper(path, f.function(), library)) {
                continue;
            }
            String part = "frame:" + path + ":" + f.function();
            addCollapsed(all, part);
            if (inApp.isOwn(f.function(), f.file(), library)) {
                addCollapsed(app, part);
            }
        }
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
