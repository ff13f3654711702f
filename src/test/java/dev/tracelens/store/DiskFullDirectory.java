package dev.tracelens.store;

import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real directory whose disk "fills up": once armed, writes beyond a byte budget fail with the
 * error a full disk gives, in the middle of a file, as on a real device.
 */
final class DiskFullDirectory extends FilterDirectory {
    /** Bytes that may still be written; negative = not armed. */
    final AtomicLong budget = new AtomicLong(-1);

    DiskFullDirectory(Directory in) {
        super(in);
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
        return new Limited(in.createOutput(name, context));
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
        return new Limited(in.createTempOutput(prefix, suffix, context));
    }

    private final class Limited extends IndexOutput {
        private final IndexOutput out;

        Limited(IndexOutput out) {
            super("limited(" + out + ")", out.getName());
            this.out = out;
        }

        private void spend(long n) throws IOException {
            if (budget.get() >= 0 && budget.addAndGet(-n) < 0) {
                budget.set(0);
                throw new IOException("No space left on device");
            }
        }

        @Override
        public void writeByte(byte b) throws IOException {
            spend(1);
            out.writeByte(b);
        }

        @Override
        public void writeBytes(byte[] b, int offset, int length) throws IOException {
            spend(length);
            out.writeBytes(b, offset, length);
        }

        @Override
        public long getFilePointer() {
            return out.getFilePointer();
        }

        @Override
        public long getChecksum() throws IOException {
            return out.getChecksum();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
