package dev.tracelens.traceback;

import java.util.Set;

/**
 * Go's library rule: the runtime and standard library (under GOROOT, or a package whose path has
 * no dot in its first element, {@code main} excepted), vendored code and the module cache.
 */
final class GoLibraries implements LibraryRule {
    static final GoLibraries RULE = new GoLibraries();
    private static final Set<String> NOT_STD = Set.of("main");

    private GoLibraries() {
    }

    @Override
    public boolean isLibrary(Frame frame) {
        String file = frame.file().replace('\\', '/');
        if (file.contains("/vendor/") || file.contains("/pkg/mod/") || file.contains("/go/src/runtime/")
                || file.startsWith("/usr/local/go/") || file.startsWith("/usr/lib/go") || file.contains("/goroot/")) {
            return true;
        }
        String function = frame.function();
        String pkg = packageOf(function);
        if (pkg.isEmpty()) {
            return function.equals("panic") || function.startsWith("runtime.");
        }
        String first = pkg.contains("/") ? pkg.substring(0, pkg.indexOf('/')) : pkg;
        return !first.contains(".") && !NOT_STD.contains(first) && !file.isEmpty() && isGoRootPath(file, pkg);
    }

    /** A standard package is printed with its file under {@code .../src/<pkg>/}. */
    private static boolean isGoRootPath(String file, String pkg) {
        return file.contains("/src/" + pkg + "/") || file.startsWith("go/src/") || file.contains("/go/src/");
    }

    /** {@code net/http.(*conn).serve} → {@code net/http}; {@code main.main} → {@code main}. */
    static String packageOf(String function) {
        int slash = function.lastIndexOf('/');
        int dot = function.indexOf('.', slash + 1);
        return dot < 0 ? "" : function.substring(0, dot);
    }
}
