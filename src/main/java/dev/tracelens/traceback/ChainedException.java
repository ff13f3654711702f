package dev.tracelens.traceback;

import java.util.List;

/**
 * An exception printed before the final one (chained with {@code __cause__} / {@code
 * __context__}), or a member of an ExceptionGroup. {@code relation} says which:
 * {@code cause} ("The above exception was the direct cause ..."), {@code context} ("During
 * handling of the above exception ..."), or {@code group} (a sub-exception of an
 * ExceptionGroup).
 */
public record ChainedException(String exceptionType, String message, List<Frame> frames, String relation) {
    public ChainedException {
        frames = List.copyOf(frames);
    }
}
