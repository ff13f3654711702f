package dev.tracelens.ui.imports;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;

/**
 * File → Open as…, and the step offered when files could not be read as logs: the format to read
 * them as, the JSON fields and the text pattern (what {@code --input-format}, {@code --field} and
 * {@code --text-pattern} give on the command line). OK stays disabled while a value is wrong, and
 * the dialog says what.
 */
public final class OpenAsDialog extends Dialog<OpenAsOptions> {

    public OpenAsDialog(Window owner, List<Path> files, OpenAsOptions last) {
        initOwner(owner);
        setTitle("Open as");
        setHeaderText(files.size() == 1 ? "Read " + name(files.getFirst()) + " as:"
                : "Read " + files.size() + " files and folders as:");
        ComboBox<String> format = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                "auto", "papertrail", "jsonl", "text"));
        format.setId("open-as-format");
        format.setValue(last.inputFormat());
        TextField fields = new TextField(last.fields());
        fields.setId("open-as-fields");
        fields.setPromptText("common names; or time=ts,host=h,message=m,traceback=trace");
        fields.setPrefColumnCount(32);
        TextField pattern = new TextField(last.textPattern());
        pattern.setId("open-as-pattern");
        pattern.setPromptText("usual layouts; or %(asctime)s %(levelname)s %(name)s: %(message)s");
        Label help = new Label("""
                auto tells each file's format from its first bytes. Fields name the JSON keys of time, host,
                program, pid, message and traceback (a dotted name reaches into objects). A text pattern is a
                Python logging format string or a regular expression with the named groups time, host,
                program, pid and message; lines that do not match belong to the line above.""");
        help.getStyleClass().add("text-muted");
        help.setWrapText(true);
        help.setMaxWidth(560);
        Label error = new Label();
        error.setId("open-as-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setMaxWidth(560);

        GridPane grid = new GridPane(12, 10);
        grid.setPadding(new Insets(16));
        grid.addRow(0, label("Format"), format);
        grid.addRow(1, label("JSON fields"), fields);
        grid.addRow(2, label("Text pattern"), pattern);
        grid.add(help, 0, 3, 2, 1);
        grid.add(error, 0, 4, 2, 1);
        getDialogPane().setContent(grid);
        ButtonType open = new ButtonType("Open", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(open, ButtonType.CANCEL);
        Node openButton = getDialogPane().lookupButton(open);
        openButton.setId("open-as-open");
        var options = Bindings.createObjectBinding(
                () -> new OpenAsOptions(format.getValue(), fields.getText(), pattern.getText()),
                format.valueProperty(), fields.textProperty(), pattern.textProperty());
        error.textProperty().bind(Bindings.createStringBinding(() -> {
            String e = options.get().error();
            return e == null ? "" : e;
        }, options));
        openButton.disableProperty().bind(error.textProperty().isNotEmpty());
        setResultConverter(b -> b == open ? options.get() : null);
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static String name(Path p) {
        return p.getFileName() == null ? p.toString() : p.getFileName().toString();
    }
}
