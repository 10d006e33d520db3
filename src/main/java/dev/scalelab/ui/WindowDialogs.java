package dev.scalelab.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** The main window's message dialogs: an error, the simulation's failure, Revert's question, About. FX thread only. */
final class WindowDialogs {
    private WindowDialogs() {
    }

    /** Quit: the window's close handler (which remembers its size and the look) runs first, as on a close. */
    static void closeThenExit(Window window) {
        javafx.stage.Stage stage = (javafx.stage.Stage) window;
        if (stage.getOnCloseRequest() != null) {
            stage.getOnCloseRequest().handle(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
        }
        javafx.application.Platform.exit();
    }

    static void about(Window owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION,
                "A desktop laboratory for scalability patterns: one simulated system, run in virtual time, "
                        + "with live panels, guided lessons and interview practice.\n\nJava " + System.getProperty("java.version")
                        + ", JavaFX " + System.getProperty("javafx.version"));
        alert.initOwner(owner);
        alert.setTitle("About ScaleLab");
        alert.setHeaderText(version());
        alert.show();
    }

    /** "ScaleLab 0.1", as {@code scalelab --version} prints it. */
    static String version() {
        picocli.CommandLine.Command command = dev.scalelab.cli.Cli.class.getAnnotation(picocli.CommandLine.Command.class);
        return command != null && command.version().length > 0 ? command.version()[0] : "ScaleLab";
    }


    /** Whether the user agrees to lose the changes to {@code label} and start it again as it was loaded. */
    static boolean confirmRevert(Window owner, String label) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Your changes to " + label + " are lost: it starts again from t = 0 as it was loaded.",
                javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        confirm.initOwner(owner);
        confirm.setHeaderText("Revert to the scenario as it was loaded?");
        return confirm.showAndWait().orElse(javafx.scene.control.ButtonType.CANCEL) == javafx.scene.control.ButtonType.OK;
    }

    static void showError(Window owner, String header, String problem) {
        Alert alert = new Alert(Alert.AlertType.ERROR, problem);
        alert.initOwner(owner);
        alert.setHeaderText(header);
        alert.show();
    }

    /** Shown once per failure; show(), not showAndWait(), because it opens during a pulse. */
    static void showFailure(Window owner, String trace) {
        Alert alert = new Alert(Alert.AlertType.ERROR,
                firstLine(trace) + "\n\nThe run is paused. Reset or choose a scenario to start again.");
        alert.initOwner(owner);
        // One line is a stop the run explains itself (it outgrew the heap); a stack is a defect to report.
        boolean defect = trace.contains("\n");
        alert.setHeaderText(defect ? "The simulation stopped with an error" : "The simulation stopped");
        if (defect) {
            TextArea details = new TextArea(trace);
            details.setEditable(false);
            details.setPrefRowCount(16);
            alert.getDialogPane().setExpandableContent(details);
        }
        alert.show();
    }

    static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).trim();
    }
}
