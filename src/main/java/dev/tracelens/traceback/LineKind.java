package dev.tracelens.traceback;

import java.util.Locale;

/**
 * What one printed line of a traceback is, as the engine's grammar for its language read it.
 * The app and the reports draw lines by kind, so they never parse trace text themselves.
 */
public enum LineKind {
    /** The line that opens a trace ({@code Traceback (most recent call last):}, {@code panic: ...}). */
    HEADER,
    /** A frame of the application's own code. */
    OWN_FRAME,
    /** A frame in the runtime's standard library or an installed package. */
    LIBRARY_FRAME,
    /** The source line (or position marker) printed under an own frame. */
    OWN_CODE,
    /** The source line (or position marker) printed under a library frame. */
    LIBRARY_CODE,
    /** The exception's type and message, and the message's continuation lines. */
    EXCEPTION,
    /** Where one chained exception ends and the next begins ({@code Caused by:}, "The above exception ..."). */
    CHAIN,
    /** Scaffolding of a group of exceptions (Python's ExceptionGroup rules). */
    GROUP_RULE,
    /** Frames left out by the runtime or the engine ({@code ... 12 more}, {@code [Previous line repeated 996 more times]}). */
    ELISION,
    /** Anything else, blank lines included. */
    OTHER;

    /** The stable lowercase name used in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
