package dev.tracelens.traceback;

/**
 * The group key of a traceback computed again from its stored parts (type, message, frames,
 * causes), by the grammar of its language: what a store does when the fingerprint rules change
 * (a format upgrade) without reading any archive again.
 */
public final class Refingerprint {
    private Refingerprint() {
    }

    /** The same traceback with the fingerprint its language's grammar gives it now. */
    public static Traceback of(Traceback t, InApp inApp) {
        Fingerprint f = fingerprint(t, inApp);
        if (f.hash().equals(t.fingerprint()) && f.parts().equals(t.fingerprintParts())) {
            return t;
        }
        return t.withFingerprint(f.hash(), f.parts());
    }

    public static Fingerprint fingerprint(Traceback t, InApp inApp) {
        Language language = Language.of(t.language());
        TraceGrammar grammar = Grammars.of(language == null ? Language.PYTHON : language);
        ParsedTraceback parsed = new ParsedTraceback(t.exceptionType(), t.message(), t.frames(), t.causes());
        return grammar.fingerprint(parsed, t.truncated(), inApp);
    }
}
