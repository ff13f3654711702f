package dev.tracelens.archive;

/**
 * One JSON object per line: python-json-logger, structlog, Bunyan, pino, ECS, Docker's json-file
 * driver, {@code journalctl -o json} and the like. Fields are found by name
 * ({@link FieldMapping}); see {@link JsonRows}.
 */
final class JsonLinesFormat implements RowFormat {

    @Override
    public InputFormat kind() {
        return InputFormat.JSONL;
    }

    /** The first sampled line and most of the others are objects ("{" first). */
    @Override
    public boolean recognizes(Sample sample) {
        if (sample.size() == 0 || sample.firstNonBlank(0) != '{') {
            return false;
        }
        int objects = 0;
        for (int i = 0; i < sample.size(); i++) {
            byte first = sample.firstNonBlank(i);
            byte last = sample.buffer()[sample.to(i) - 1];
            if (first == '{' && (last == '}' || last == ' ' || last == '\t')) {
                objects++;
            }
        }
        return objects * 2 > sample.size();
    }

    @Override
    public RowSink open(FileContext file) {
        return new JsonRows(file);
    }
}
