package dev.tracelens.traceback;

import dev.tracelens.archive.LogLine;

/**
 * An open JVM stack trace: frames, {@code ... N more}, {@code Caused by:} and {@code Suppressed:}
 * (whose message may run over several lines before their frames: held until a frame shows they
 * belong).
 */
final class JavaTrace extends FrameTrace {
    private boolean inChainedHead;

    JavaTrace(TraceGrammar grammar, Start start, LogLine[] context) {
        super(grammar, start, context);
    }

    @Override
    Fit fit(String line) {
        if (JavaLines.isFrame(line)) {
            inChainedHead = false;
            return Fit.TAKE;
        }
        if (JavaLines.isElision(line)) {
            return Fit.TAKE;
        }
        if (JavaLines.chained(line) != null) {
            inChainedHead = true;
            return Fit.TAKE;
        }
        return inChainedHead ? Fit.HOLD : Fit.END;
    }
}
