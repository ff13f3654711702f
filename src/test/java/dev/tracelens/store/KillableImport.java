package dev.tracelens.store;

import dev.tracelens.traceback.Traceback;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A child process for {@code KillImportTest}: imports a folder of archives into a store (or
 * prunes it), saying on stdout when it starts and when each archive is committed. Given a point
 * ({@code traceback:N} before the N-th traceback is written, {@code sync:N} in the N-th fsync of
 * new store files, i.e. inside a commit, {@code rename:N} just before a commit is published,
 * {@code imported:N} right after the N-th archive's commit), it prints {@code POINT} there and
 * waits for a line on stdin: the test kills it with SIGKILL meanwhile, or sends {@code go}.
 * Exits 3 with {@code refused: <message>} when the store cannot be opened (e.g. in use).
 */
public final class KillableImport {
    private KillableImport() {
    }

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        Path storeDir = Path.of(args[1]);
        String[] point = args.length > 3 ? args[3].split(":") : new String[] {"none", "0"};
        Point at = new Point(point[0], Integer.parseInt(point[1]));
        TracebackStore store;
        try {
            store = TracebackStore.open(storeDir, false, d -> new PointDirectory(d, at));
        } catch (StoreException e) {
            System.out.println("refused: " + e.getMessage());
            System.out.flush();
            System.exit(3);
            return;
        }
        try (store) {
            say("started");
            if (mode.equals("prune")) {
                new StoreRetention(store).prune(Instant.parse(args[2]));
            } else {
                ArchiveScan engine = ArchiveScan.engine(5);
                ArchiveScan scan = (archives, listener, progress) -> engine.scan(archives,
                        new ForwardingListener(listener) {
                            @Override
                            public void onTraceback(Traceback traceback) {
                                at.reached("traceback");
                                super.onTraceback(traceback);
                            }
                        }, progress);
                new StoreImporter(store, scan).importPaths(List.of(Path.of(args[2])), new ImportListener() {
                    @Override
                    public void onImported(ArchiveRecord archive) {
                        say("imported " + archive.name());
                        at.reached("imported");
                    }
                });
            }
            say("done");
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** Where to stop: the {@code n}-th time {@code kind} is reached. */
    private static final class Point {
        private final String kind;
        private final int n;
        private final AtomicInteger seen = new AtomicInteger();

        Point(String kind, int n) {
            this.kind = kind;
            this.n = n;
        }

        void reached(String what) {
            if (!what.equals(kind) || seen.incrementAndGet() != n) {
                return;
            }
            say("POINT " + kind + ":" + n);
            try {
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The store's directory, stopping inside Lucene's commit at the point. */
    private static final class PointDirectory extends FilterDirectory {
        private final Point at;

        PointDirectory(Directory in, Point at) {
            super(in);
            this.at = at;
        }

        @Override
        public void sync(Collection<String> names) throws IOException {
            at.reached("sync");
            super.sync(names);
        }

        @Override
        public void rename(String source, String dest) throws IOException {
            at.reached("rename");
            super.rename(source, dest);
        }
    }
}
