package dev.tracelens.traceback;

import java.util.List;

/**
 * The structure read from a traceback's lines: the final exception and what was printed before
 * it (chained exceptions) or inside it (ExceptionGroup members).
 */
public record ParsedTraceback(String exceptionType, String message, List<Frame> frames,
                              List<ChainedException> causes) {
    public ParsedTraceback {
        frames = List.copyOf(frames);
        causes = List.copyOf(causes);
    }
}
