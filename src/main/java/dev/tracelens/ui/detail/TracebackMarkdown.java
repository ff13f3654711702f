package dev.tracelens.ui.detail;

import dev.tracelens.traceback.ContextLine;
import dev.tracelens.traceback.Traceback;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A traceback as Markdown for an issue or chat: title, where and when, the text, and its context. */
public final class TracebackMarkdown {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TracebackMarkdown() {
    }

    public static String format(Traceback t) {
        StringBuilder md = new StringBuilder();
        String type = t.exceptionType().isEmpty() ? "Traceback (cut off)" : t.exceptionType();
        String message = t.message().lines().findFirst().orElse("");
        md.append("### `").append(type).append('`');
        if (!message.isEmpty()) {
            md.append(": ").append(message.replace("`", "'"));
        }
        md.append("\n\n");
        md.append("- **When:** ").append(TIME.format(t.timestamp())).append('\n');
        md.append("- **Host:** `").append(t.host()).append("`, **program:** `").append(t.program()).append("`\n");
        md.append("- **Archive:** `").append(t.archive()).append("` row ").append(t.row()).append('\n');
        md.append("- **Fingerprint:** `").append(t.fingerprint()).append("`\n\n");
        md.append(fence(t.text())).append("python\n").append(t.text()).append('\n').append(fence(t.text())).append('\n');
        if (!t.context().isEmpty()) {
            md.append("\n<details><summary>").append(t.context().size())
                    .append(" preceding log lines from the same machine</summary>\n\n");
            StringBuilder ctx = new StringBuilder();
            for (ContextLine c : t.context()) {
                ctx.append(TIME.format(c.timestamp()), 0, 19).append(c.sameProcess() ? " > " : "   ")
                        .append(c.message()).append('\n');
            }
            md.append(fence(ctx.toString())).append('\n').append(ctx).append(fence(ctx.toString())).append("\n\n</details>\n");
        }
        return md.toString();
    }

    /** A code fence longer than any run of backticks inside, so the block cannot end early. */
    private static String fence(String body) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < body.length(); i++) {
            run = body.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }
}
