package dev.tracelens.archive;

/**
 * Turns the decoded bytes of one file, chunk by chunk, into rows for the handler: what each
 * {@link RowFormat} opens per file. Lines may straddle chunks; the sink keeps the partial one.
 */
interface RowSink {

    /** The next {@code length} decoded bytes of the file, from index 0 of {@code a}. */
    void accept(byte[] a, int length);

    /** At the normal end of input: the last line may lack its newline. */
    void finish();

    /** At damaged input: a partial last line is not a row; returns whether one was dropped. */
    boolean dropPartialLine();

    /** Lines started so far (1-based number of the last one). */
    long lineNumber();

    long rows();

    long badRows();

    /**
     * From now on, report each row that holds NUL bytes ({@link Problem.Kind#NUL_BYTES}); the
     * reader turns this on when it sees a NUL in the bytes it samples, so rows of files without
     * any pay nothing for the check.
     */
    void reportNuls();
}
