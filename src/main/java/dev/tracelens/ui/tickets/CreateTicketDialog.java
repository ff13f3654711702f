package dev.tracelens.ui.tickets;

import dev.tracelens.engine.TicketTarget;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/**
 * The "Create ticket…" dialog: tracker and project, a preview of the ticket (title and the
 * group's Markdown report) to edit, then Create, which keeps the dialog open until the ticket is
 * created (or says why not) and then closes it.
 */
public final class CreateTicketDialog extends Dialog<ButtonType> {
    public static final ButtonType CREATE = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);

    public CreateTicketDialog(Window owner, CreateTicketViewModel model, Runnable onCreated) {
        initOwner(owner);
        setTitle("Create ticket");
        setHeaderText(null);
        setResizable(true);
        ComboBox<TicketTarget.Kind> kind = new ComboBox<>();
        kind.setId("create-ticket-kind");
        kind.getItems().setAll(TicketTarget.Kind.values());
        kind.valueProperty().bindBidirectional(model.kindProperty());
        TextField where = field("create-ticket-where", "owner/repo, or https://x.atlassian.net");
        where.textProperty().bindBidirectional(model.whereProperty());
        TextField project = field("create-ticket-project", "Jira project key");
        project.textProperty().bindBidirectional(model.projectProperty());
        project.disableProperty().bind(model.kindProperty().isEqualTo(TicketTarget.Kind.GITHUB));
        TextField api = field("create-ticket-api", "GitHub API URL (blank: api.github.com)");
        api.textProperty().bindBidirectional(model.apiProperty());
        api.disableProperty().bind(model.kindProperty().isEqualTo(TicketTarget.Kind.JIRA));
        Button preview = new Button("Preview");
        preview.setId("create-ticket-preview");
        preview.disableProperty().bind(model.busyProperty());
        preview.setOnAction(e -> model.preview());
        TextField title = field("create-ticket-title", "Title");
        title.textProperty().bindBidirectional(model.titleProperty());
        TextArea description = new TextArea();
        description.setId("create-ticket-description");
        description.setPrefRowCount(18);
        description.setPrefColumnCount(80);
        description.textProperty().bindBidirectional(model.descriptionProperty());
        Label message = new Label();
        message.setId("create-ticket-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());

        GridPane grid = new GridPane(10, 8);
        grid.setPadding(new Insets(14));
        grid.addRow(0, new Label("Tracker"), kind);
        grid.addRow(1, new Label("Repository / site"), where);
        grid.addRow(2, new Label("Project"), project);
        grid.addRow(3, new Label("API"), api, preview);
        grid.addRow(4, new Label("Title"), title);
        grid.add(description, 0, 5, 3, 1);
        grid.add(message, 0, 6, 3, 1);
        GridPane.setHgrow(where, Priority.ALWAYS);
        GridPane.setVgrow(description, Priority.ALWAYS);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(CREATE, ButtonType.CANCEL);
        Button create = (Button) getDialogPane().lookupButton(CREATE);
        create.setId("create-ticket-create");
        create.disableProperty().bind(model.busyProperty().or(model.descriptionProperty().isEmpty()));
        // Create runs in the background: the dialog stays until the ticket exists.
        create.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.create(t -> {
                onCreated.run();
                setResult(CREATE);
                close();
            });
        });
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(36);
        return f;
    }
}
