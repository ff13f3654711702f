package dev.tracelens.traceback;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An application file as fingerprints name it: its module path from the application's root, so
 * that {@code billing/api/views.py} and {@code shop/api/views.py} stay two modules (the last two
 * components alone made them one). The root is where the deployment ends and the code begins:
 * <ol>
 *   <li>after a path-like in-app prefix ({@code --in-app /srv/app}) when the file starts with one;</li>
 *   <li>else after the last release, version or hash directory ({@code releases/20240101120000/},
 *       {@code current/}), which differ per deploy;</li>
 *   <li>else after a known deploy folder: {@code /srv/NAME/}, {@code /opt/NAME/}, {@code /home/USER/NAME/},
 *       {@code /var/www/NAME/}, {@code /usr/share/NAME/}, {@code /usr/src/NAME/},
 *       {@code /usr/local/NAME/}, and a leading {@code /app/}, {@code /code/}, {@code /workspace/}.</li>
 * </ol>
 * Volatile components (versions, hashes) inside the module path are dropped as before. A path
 * with none of these roots keeps every component; {@code --in-app} then names the root.
 */
final class AppPath {
    /** A path component that is a version, release id or hash, not a name. */
    static final Pattern VOLATILE_COMPONENT =
            Pattern.compile("(?i)v?[\\d._-]+|[0-9a-f]{7,}|.*\\d+\\.\\d+.*\\d{6,}.*|s~.*|.*\\.egg");
    /** Folders whose next component is the deployment's own name (a checkout, a service folder). */
    private static final Set<String> NAMED_ROOTS = Set.of("srv", "opt", "var/www", "usr/share", "usr/src",
            "usr/local");
    /** Folders whose next two components are a user and that user's checkout. */
    private static final Set<String> USER_ROOTS = Set.of("home", "Users");
    /** Folders that are a deployment root themselves at the start of a path. */
    private static final Set<String> BARE_ROOTS = Set.of("app", "code", "workspace");
    /** Components that end a deployment root wherever they are ({@code releases/<id>}, Capistrano's {@code current}). */
    private static final Set<String> DEPLOY_MARKERS = Set.of("releases", "current");

    private AppPath() {
    }

    static String of(String file, InApp inApp) {
        if (file == null || file.isEmpty() || file.startsWith("<")) {
            return file == null ? "" : file;
        }
        String path = file.replace('\\', '/');
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        if (path.startsWith("file://")) {
            path = path.substring("file://".length());
        }
        if (path.length() > 1 && path.charAt(1) == ':') {
            path = path.substring(2); // a Windows drive
        }
        String afterPrefix = afterInAppPrefix(path, inApp);
        List<String> parts = new ArrayList<>();
        for (String p : (afterPrefix != null ? afterPrefix : path).split("/")) {
            if (!p.isEmpty() && !p.equals(".")) {
                parts.add(p);
            }
        }
        int start = afterPrefix != null ? 0 : rootEnd(parts);
        List<String> kept = new ArrayList<>();
        for (int i = start; i < parts.size(); i++) {
            String p = parts.get(i);
            boolean last = i == parts.size() - 1;
            if (!last && (VOLATILE_COMPONENT.matcher(p).matches() || p.endsWith(":"))) {
                continue;
            }
            kept.add(p);
        }
        if (kept.isEmpty() && !parts.isEmpty()) {
            kept.add(parts.getLast());
        }
        return String.join("/", kept);
    }

    /** The rest of the path after the longest path-like in-app prefix it starts with, or null. */
    private static String afterInAppPrefix(String path, InApp inApp) {
        String best = null;
        for (String prefix : inApp.prefixes()) {
            String p = prefix.replace('\\', '/');
            if (!p.contains("/")) {
                continue; // a package prefix (com.acme) names no folder
            }
            String withSlash = p.endsWith("/") ? p : p + "/";
            if (path.startsWith(withSlash) && (best == null || withSlash.length() > best.length())) {
                best = withSlash;
            }
        }
        return best == null ? null : path.substring(best.length());
    }

    /** Index of the first component of the module path in {@code parts} (the last one stays). */
    private static int rootEnd(List<String> parts) {
        int lastDir = parts.size() - 1;
        for (int i = lastDir - 1; i >= 0; i--) {
            String p = parts.get(i);
            if (DEPLOY_MARKERS.contains(p)) {
                return skipVolatile(parts, i + 1, lastDir);
            }
            if (VOLATILE_COMPONENT.matcher(p).matches() && i > 0) {
                return skipVolatile(parts, i + 1, lastDir);
            }
        }
        if (lastDir >= 1 && BARE_ROOTS.contains(parts.getFirst())) {
            return 1;
        }
        if (lastDir > 2 && USER_ROOTS.contains(parts.getFirst())) {
            return 3;
        }
        for (int n = 2; n >= 1; n--) {
            if (lastDir > n && NAMED_ROOTS.contains(String.join("/", parts.subList(0, n)))) {
                return n + 1;
            }
        }
        return 0;
    }

    private static int skipVolatile(List<String> parts, int i, int lastDir) {
        while (i < lastDir && VOLATILE_COMPONENT.matcher(parts.get(i)).matches()) {
            i++;
        }
        return Math.min(i, lastDir);
    }
}
