package dev.tracelens.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tracelens.common.AtomicFile;
import dev.tracelens.traceback.GroupingRule;
import dev.tracelens.traceback.GroupingRules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The grouping rules of one store, as a readable JSON file beside it ({@code <store>-rules.json},
 * so in the data folder for the default store), plus the rule lists before each change
 * ({@code <store>-rules.undo.json}, at most {@link #MAX_UNDO}) for undo. A user may edit the file
 * by hand; one that does not parse is named with its line and column and never overwritten.
 */
public final class GroupingRulesFile {
    static final int MAX_UNDO = 50;
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);

    private final Path file;
    private final Path undoFile;

    /** The file as written and read: what the rules are for, then the rules in the order they apply. */
    record Content(String about, List<GroupingRule> rules) {
        Content {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    record Undo(List<List<GroupingRule>> history) {
        Undo {
            history = history == null ? List.of() : List.copyOf(history);
        }
    }

    private GroupingRulesFile(Path file) {
        this.file = file;
        this.undoFile = file.resolveSibling(file.getFileName().toString().replace(".json", ".undo.json"));
    }

    /** The rules file of the store in {@code storeDir}. */
    public static GroupingRulesFile beside(Path storeDir) {
        Path dir = storeDir.toAbsolutePath().normalize();
        return new GroupingRulesFile(dir.resolveSibling(dir.getFileName() + "-rules.json"));
    }

    public Path path() {
        return file;
    }

    /** The rules, none when there is no file yet. */
    public GroupingRules load() {
        return new GroupingRules(read(file));
    }

    /** Rules read from any file (an export to import), checked as the store's own are. */
    public static List<GroupingRule> read(Path path) {
        try {
            return MAPPER.readValue(Files.readAllBytes(path), Content.class).rules();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (JsonMappingException e) {
            throw new StoreException(where(path, e) + ": " + rootMessage(e), e);
        } catch (JsonProcessingException e) {
            throw new StoreException(where(path, e) + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new StoreException("Cannot read the grouping rules " + path + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code rules} as the store's rules, remembering the ones before for {@link #undo()}. */
    public void save(List<GroupingRule> rules) {
        List<GroupingRule> before = read(file);
        List<List<GroupingRule>> history = new ArrayList<>(readUndo().history());
        history.add(before);
        while (history.size() > MAX_UNDO) {
            history.removeFirst();
        }
        write(file, new Content(about(), rules));
        write(undoFile, new Undo(history));
    }

    /** Puts back the rules from before the last change; the rules now in force when there is nothing to undo. */
    public java.util.Optional<List<GroupingRule>> undo() {
        List<List<GroupingRule>> history = new ArrayList<>(readUndo().history());
        if (history.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<GroupingRule> previous = history.removeLast();
        write(file, new Content(about(), previous));
        write(undoFile, new Undo(history));
        return java.util.Optional.of(previous);
    }

    /** Writes rules to any file (an export a team can share). */
    public static void export(List<GroupingRule> rules, Path target) {
        write(target, new Content(about(), rules));
    }

    private Undo readUndo() {
        try {
            return MAPPER.readValue(Files.readAllBytes(undoFile), Undo.class);
        } catch (NoSuchFileException e) {
            return new Undo(List.of());
        } catch (IOException e) {
            throw new StoreException("Cannot read the undo history of the grouping rules " + undoFile + ": "
                    + e.getMessage(), e);
        }
    }

    private static void write(Path target, Object content) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            byte[] json = MAPPER.writeValueAsBytes(content);
            AtomicFile.write(target, out -> out.write(json));
        } catch (IOException e) {
            throw new StoreException("Cannot write the grouping rules " + target + ": " + e.getMessage(), e);
        }
    }

    private static String about() {
        return "Tracelens grouping rules, applied in order to every traceback's fingerprint: merge (groups: the"
                + " first one takes the others) and split (group, by host|program|frame|message, pattern for frame"
                + " and message). Edit with 'tracelens rules' or by hand.";
    }

    private static String where(Path path, JsonProcessingException e) {
        var loc = e.getLocation();
        return "The grouping rules " + path + (loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof IllegalArgumentException ? t.getMessage() : ((JsonProcessingException) e).getOriginalMessage();
    }
}
