package dev.tracelens.traceback;

import java.util.List;

/**
 * The user's in-app prefixes ({@code --in-app com.acme}): when any are set, a frame is the
 * application's own exactly when its function (class, package) or file starts with one of them or
 * its file has one as a path component; when none are set, each language's library rule decides.
 */
public record InApp(List<String> prefixes) {
    public static final InApp NONE = new InApp(List.of());

    public InApp {
        prefixes = prefixes.stream().map(String::strip).filter(p -> !p.isEmpty()).distinct().toList();
    }

    public boolean isSet() {
        return !prefixes.isEmpty();
    }

    /** Whether the frame is own code by the user's prefixes (only meaningful when {@link #isSet()}). */
    boolean matches(String function, String file) {
        String path = file == null ? "" : file.replace('\\', '/');
        String fn = function == null ? "" : function;
        for (String p : prefixes) {
            if (fn.startsWith(p) || path.startsWith(p) || path.contains("/" + p)) {
                return true;
            }
        }
        return false;
    }

    /** Own code: by the prefixes when set, else not {@code library}. */
    boolean isOwn(String function, String file, boolean library) {
        return isSet() ? matches(function, file) : !library;
    }
}
