package dev.tracelens.archive;

/**
 * Papertrail's archive rows: ten tab-separated columns, the first an id, the second a time. The
 * hot path of the reader: {@link LineSplitter} finds the tabs in the pass that finds the newline
 * and {@link RowParser} makes the row, both as before formats were told apart.
 */
final class PapertrailFormat implements RowFormat {

    @Override
    public InputFormat kind() {
        return InputFormat.PAPERTRAIL;
    }

    /**
     * A quarter of the sampled lines have nine tabs, a number first and a time second: no other
     * log has such lines by chance, and an archive with damaged rows is still an archive.
     */
    @Override
    public boolean recognizes(Sample sample) {
        int rows = 0;
        for (int i = 0; i < sample.size(); i++) {
            if (isRow(sample.buffer(), sample.from(i), sample.to(i))) {
                rows++;
            }
        }
        return rows > 0 && rows * 4 >= sample.size();
    }

    private static boolean isRow(byte[] a, int from, int to) {
        int tab1 = Bytes.indexOf(a, from, to, (byte) '\t');
        if (tab1 <= from) {
            return false;
        }
        for (int i = from; i < tab1; i++) {
            if (a[i] < '0' || a[i] > '9') {
                return false;
            }
        }
        int tab2 = Bytes.indexOf(a, tab1 + 1, to, (byte) '\t');
        if (tab2 < 0 || Timestamps.parseMillis(a, tab1 + 1, tab2) == Timestamps.INVALID) {
            return false;
        }
        int tabs = 2;
        for (int i = tab2 + 1; i < to && tabs < 9; i++) {
            if (a[i] == '\t') {
                tabs++;
            }
        }
        return tabs == 9;
    }

    @Override
    public RowSink open(FileContext file) {
        RowParser parser = new RowParser(file.archive(), file.handler(), file.sources(), file.options().maxRowBytes());
        LineSplitter splitter = new LineSplitter(parser, file.options().maxRowBytes());
        return new RowSink() {
            @Override
            public void accept(byte[] a, int length) {
                splitter.accept(a, length);
            }

            @Override
            public void finish() {
                splitter.finish();
            }

            @Override
            public boolean dropPartialLine() {
                return splitter.dropPartialLine();
            }

            @Override
            public long lineNumber() {
                return splitter.lineNumber();
            }

            @Override
            public long rows() {
                return parser.rows();
            }

            @Override
            public long badRows() {
                return parser.badRows();
            }

            @Override
            public void reportNuls() {
                parser.reportNuls();
            }
        };
    }
}
