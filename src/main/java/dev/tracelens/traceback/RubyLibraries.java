package dev.tracelens.traceback;

/** Ruby's library rule: installed gems, the standard library, and the interpreter's own frames. */
final class RubyLibraries implements LibraryRule {
    static final RubyLibraries RULE = new RubyLibraries();

    private RubyLibraries() {
    }

    @Override
    public boolean isLibrary(Frame frame) {
        String f = frame.file().replace('\\', '/');
        return f.contains("/gems/") || f.contains("/lib/ruby/") || f.startsWith("<internal:")
                || f.contains("/vendor/bundle/") || f.contains("/rubygems/") || f.contains("/.rbenv/") || f.contains("/.rvm/");
    }
}
