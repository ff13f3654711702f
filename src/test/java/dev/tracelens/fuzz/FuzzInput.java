package dev.tracelens.fuzz;

import dev.tracelens.archive.ReaderOptions;

import java.util.List;

/**
 * One mutated input: the archive files of one scan (in read order) and the reader's tuning.
 * Generated from {@code (seed, index)} alone, so any input can be made again.
 *
 * @param contextRows the assembler's context size
 */
record FuzzInput(long seed, long index, ReaderOptions options, int contextRows, List<FuzzFile> files) {

    /** What a path of the input is. */
    enum Kind { FILE, MISSING, FOLDER }

    /**
     * One path of an input.
     *
     * @param bytes the file as written to disk (empty unless {@link Kind#FILE})
     * @param plain what the reader should decode from it, when the generator knows (null when the
     *              compressed bytes were damaged: the check then decodes them itself)
     * @param how   how the file was made, for a person reading a saved failure
     */
    record FuzzFile(String name, Kind kind, byte[] bytes, byte[] plain, String how) {
    }

    long totalBytes() {
        long n = 0;
        for (FuzzFile f : files) {
            n += f.bytes().length;
        }
        return n;
    }

    String describe() {
        StringBuilder b = new StringBuilder();
        b.append("seed ").append(seed).append(", input ").append(index).append(", maxRowBytes ").append(options.maxRowBytes())
                .append(", chunkBytes ").append(options.chunkBytes()).append(", chunksInFlight ").append(options.chunksInFlight())
                .append(", format ").append(options.inputFormat().label())
                .append(", contextRows ").append(contextRows).append('\n');
        for (FuzzFile f : files) {
            b.append("  ").append(f.name()).append(": ").append(f.kind()).append(", ").append(f.bytes().length)
                    .append(" bytes, ").append(f.how()).append('\n');
        }
        return b.toString();
    }
}
