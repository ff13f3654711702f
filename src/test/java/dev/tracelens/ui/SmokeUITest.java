package dev.tracelens.ui;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class SmokeUITest {
    Label label;
    @Start
    void start(Stage stage) {
        label = new Label("hi");
        stage.setScene(new Scene(label, 200, 100));
        stage.show();
    }
    @Test
    void shows() {
        assertTrue(label.isVisible());
        System.out.println("OK " + javafx.application.Platform.isFxApplicationThread() + " " + System.getProperty("javafx.version"));
    }
}
