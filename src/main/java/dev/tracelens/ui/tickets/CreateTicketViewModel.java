package dev.tracelens.ui.tickets;

import dev.tracelens.engine.TicketTarget;
import dev.tracelens.engine.TracebackLibrary;
import dev.tracelens.tickets.Ticket;
import dev.tracelens.ui.task.BackgroundTask;
import dev.tracelens.ui.task.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.function.Consumer;

/**
 * Creating a ticket from a group: where (GitHub repository or Jira project), a preview made by
 * the engine (title, the group's Markdown report) that the user edits, then the ticket created
 * and linked to the group. Every engine call runs as a background task.
 */
public final class CreateTicketViewModel {
    private final TracebackLibrary library;
    private final TaskExecutor executor;
    private final String fingerprint;
    private final ObjectProperty<TicketTarget.Kind> kind = new SimpleObjectProperty<>(TicketTarget.Kind.GITHUB);
    private final StringProperty where = new SimpleStringProperty("");
    private final StringProperty project = new SimpleStringProperty("");
    private final StringProperty api = new SimpleStringProperty("");
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<Ticket> created = new SimpleObjectProperty<>();

    public CreateTicketViewModel(TracebackLibrary library, TaskExecutor executor, String fingerprint) {
        this.library = library;
        this.executor = executor;
        this.fingerprint = fingerprint;
    }

    public ObjectProperty<TicketTarget.Kind> kindProperty() {
        return kind;
    }

    /** {@code owner/repo} for GitHub, the site URL for Jira. */
    public StringProperty whereProperty() {
        return where;
    }

    public StringProperty projectProperty() {
        return project;
    }

    /** The GitHub API URL (Enterprise); blank for the public API. */
    public StringProperty apiProperty() {
        return api;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The ticket once created. */
    public ObjectProperty<Ticket> createdProperty() {
        return created;
    }

    private TicketTarget target() {
        return new TicketTarget(kind.get(), where.get(), project.get(), api.get());
    }

    /** Fills title and description with the group's draft for the chosen tracker. */
    public void preview() {
        TicketTarget t = target();
        busy.set(true);
        message.set("Making the preview…");
        executor.execute(BackgroundTask.of(() -> library.ticketDraft(fingerprint, t))
                .onSuccess(d -> {
                    if (d.isEmpty()) {
                        message.set("The group is no longer in the store.");
                        return;
                    }
                    title.set(d.get().title());
                    description.set(d.get().description());
                    message.set("Edit the ticket, then create it.");
                })
                .onFailure(fail())
                .onFinished(() -> busy.set(false)));
    }

    /** Creates the ticket as edited; {@code done} gets it once it is created and linked. */
    public void create(Consumer<Ticket> done) {
        if (title.get().isBlank()) {
            message.set("Give the ticket a title.");
            return;
        }
        TicketTarget t = target();
        String heading = title.get();
        String body = description.get();
        busy.set(true);
        message.set("Creating…");
        executor.execute(BackgroundTask.of(() -> library.createTicket(fingerprint, t, heading, body))
                .onSuccess(ticket -> {
                    created.set(ticket);
                    message.set("Created " + ticket.key() + " " + ticket.url());
                    done.accept(ticket);
                })
                .onFailure(fail())
                .onFinished(() -> busy.set(false)));
    }

    private Consumer<Exception> fail() {
        return e -> message.set(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
