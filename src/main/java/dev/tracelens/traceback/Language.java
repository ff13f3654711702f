package dev.tracelens.traceback;

import java.util.Locale;

/**
 * The runtimes whose traces the engine rebuilds. {@link #id()} is the stable lowercase name
 * written into JSON, the store and reports, and accepted by {@code --language}.
 */
public enum Language {
    PYTHON("python"),
    JAVA("java"),
    GO("go"),
    NODE("node"),
    RUBY("ruby"),
    DOTNET("dotnet");

    private final String id;

    Language(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The language named {@code id} (case-insensitive), or null when there is none. */
    public static Language of(String id) {
        if (id == null) {
            return null;
        }
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        for (Language l : values()) {
            if (l.id.equals(wanted)) {
                return l;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return id;
    }
}
