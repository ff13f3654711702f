package dev.tracelens.store;

import java.nio.file.Path;
import java.util.List;

/**
 * A child process for {@code KillImportTest}: imports a folder of archives into a store, saying
 * on stdout when it starts and when each archive is committed, so the test can kill it mid-way.
 */
public final class KillableImport {
    private KillableImport() {
    }

    public static void main(String[] args) {
        try (TracebackStore store = TracebackStore.open(Path.of(args[0]))) {
            System.out.println("importing");
            System.out.flush();
            new StoreImporter(store, 5).importPaths(List.of(Path.of(args[1])), new ImportListener() {
                @Override
                public void onImported(ArchiveRecord archive) {
                    System.out.println("imported " + archive.name());
                    System.out.flush();
                }
            });
            System.out.println("done");
        }
    }
}
