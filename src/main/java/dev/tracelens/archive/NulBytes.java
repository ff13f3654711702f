package dev.tracelens.archive;

/** The per-row report of NUL bytes in a textual file, whose rows are kept as they are. */
final class NulBytes {
    private NulBytes() {
    }

    static void report(RowHandler handler, String archive, long lineNumber, byte[] a, int from, int to) {
        int first = Bytes.indexOf(a, from, to, (byte) 0);
        if (first < 0) {
            return;
        }
        int count = 0;
        for (int i = first; i < to; i++) {
            if (a[i] == 0) {
                count++;
            }
        }
        handler.onProblem(new Problem(archive, lineNumber, Problem.Kind.NUL_BYTES,
                (count == 1 ? "a NUL byte" : count + " NUL bytes") + " in the row (first at byte "
                        + (first - from + 1) + "); kept as it is"));
    }
}
