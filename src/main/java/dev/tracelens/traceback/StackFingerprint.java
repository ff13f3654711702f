package dev.tracelens.traceback;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The group key of a stack trace of the languages that name frames by function (Java, Go, Node,
 * Ruby, .NET), Sentry-style: {@code type:X}, then {@code cause:X} for each chained exception, then
 * {@code frame:function} for the own frames of the whole chain in printed order (all frames when
 * none is own), each function normalised by its grammar so that line numbers, addresses, goroutine
 * ids and lambda or anonymous-class numbers never count, and a run of one frame (recursion)
 * counting once. Without an own frame the type and {@code message:} (values masked by
 * {@link MessageMask}) decide instead of frames; the message also joins where the type alone says
 * little (Go's {@code panic}).
 */
final class StackFingerprint {
    private StackFingerprint() {
    }

    static Fingerprint of(ParsedTraceback parsed, boolean truncated, LibraryRule rule, InApp inApp,
                          Function<Frame, String> function, boolean alwaysMessage) {
        List<String> parts = new ArrayList<>();
        parts.add("type:" + parsed.exceptionType());
        List<List<Frame>> stacks = new ArrayList<>();
        stacks.add(parsed.frames());
        for (ChainedException c : parsed.causes()) {
            if (!"suppressed".equals(c.relation())) {
                parts.add("cause:" + c.exceptionType());
                stacks.add(c.frames());
            }
        }
        List<String> own = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (List<Frame> stack : stacks) {
            for (Frame f : stack) {
                String part = "frame:" + function.apply(f);
                collapse(all, part);
                if (rule.isOwn(f, inApp)) {
                    collapse(own, part);
                }
            }
        }
        String message = MessageMask.of(parsed.message());
        if (!own.isEmpty()) {
            parts.addAll(own);
        } else if (message.isEmpty()) {
            parts.addAll(all);
        }
        // No own frame: the type and the masked message decide, not where a library surfaced it.
        if ((alwaysMessage || own.isEmpty()) && !message.isEmpty()) {
            parts.add("message:" + message);
        }
        if (truncated && parsed.exceptionType().isEmpty()) {
            parts.add("truncated");
        }
        return new Fingerprint(Fingerprinter.hash(parts), parts);
    }

    /** An application file as the fingerprint names it: its module path from the application's root. */
    static String appFile(String file, InApp inApp) {
        return AppPath.of(file, inApp);
    }

    private static void collapse(List<String> parts, String part) {
        if (parts.isEmpty() || !parts.getLast().equals(part)) {
            parts.add(part);
        }
    }
}
