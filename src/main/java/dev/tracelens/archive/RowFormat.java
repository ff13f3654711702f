package dev.tracelens.archive;

/**
 * One input format (Papertrail TSV, JSON lines, plain text): whether a file's first lines look
 * like it, and how to read a file of it. The {@link FormatDetector} picks one per file from its
 * first bytes; nothing downstream of the reader knows which one was used.
 */
interface RowFormat {

    InputFormat kind();

    /** Whether these first lines of a file (without their line ends, blank ones left out) are this format. */
    boolean recognizes(Sample sample);

    /** A sink for the rows of one file in this format. */
    RowSink open(FileContext file);
}
