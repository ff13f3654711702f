package dev.tracelens.traceback;

/** Node's library rule: installed packages ({@code node_modules/}) and the runtime's own ({@code node:}, {@code internal/}). */
final class NodeLibraries implements LibraryRule {
    static final NodeLibraries RULE = new NodeLibraries();

    private NodeLibraries() {
    }

    @Override
    public boolean isLibrary(Frame frame) {
        String f = frame.file().replace('\\', '/');
        return f.contains("/node_modules/") || f.startsWith("node_modules/") || f.startsWith("node:")
                || f.startsWith("internal/") || f.equals("native") || f.startsWith("file:///usr/lib/node");
    }
}
