package dev.tracelens.cli;

import dev.tracelens.store.StoreLocation;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --store DIR}, shared by every command that uses the store. */
public final class StoreOptions {
    @Option(names = "--store", paramLabel = "DIR",
            description = "Store folder (default: the user data folder, e.g. ~/.local/share/tracelens).")
    Path store;

    Path directory() {
        return store != null ? store : StoreLocation.defaultDirectory();
    }
}
