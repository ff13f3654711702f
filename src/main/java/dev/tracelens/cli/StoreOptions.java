package dev.tracelens.cli;

import dev.tracelens.store.StoreLocation;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --store DIR|URL}, shared by every command that uses the store. */
public final class StoreOptions {
    @Option(names = "--store", paramLabel = "DIR|URL",
            description = "Store folder (default: the user data folder, e.g. ~/.local/share/tracelens), or a team"
                    + " index on OpenSearch: https://host:9200/INDEX (credentials from TRACELENS_OPENSEARCH_* or"
                    + " ~/.config/tracelens/opensearch.properties).")
    String store;

    /** The store as {@code engine.Stores} takes it: a folder or a team index URL. */
    String location() {
        return store != null ? store : StoreLocation.defaultDirectory().toString();
    }

    /** Where the store is, for messages: the folder's absolute path, or the URL. */
    String shown() {
        return dev.tracelens.engine.Stores.isTeamIndex(location()) ? location()
                : Path.of(location()).toAbsolutePath().toString();
    }

    /** The store folder, for what only the embedded store does ({@code store check}, {@code store rebuild}). */
    Path directory() {
        if (dev.tracelens.engine.Stores.isTeamIndex(location())) {
            throw new dev.tracelens.store.StoreException("This command works on a store folder, not on a team index ("
                    + location() + ")");
        }
        return Path.of(location());
    }

    /**
     * The folder for what sits beside a store (triage decisions, the ticket index): the store folder
     * itself, or for a team index a folder on this machine named after the index; those are not
     * shared through the team index yet.
     */
    Path besideStore() {
        if (dev.tracelens.engine.Stores.isTeamIndex(location())) {
            return StoreLocation.defaultDirectory().resolve("team-indexes")
                    .resolve(location().replaceFirst("^https?://", "").replaceAll("[^A-Za-z0-9._-]", "_"));
        }
        return Path.of(location());
    }
}
