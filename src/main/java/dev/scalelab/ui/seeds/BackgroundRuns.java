package dev.scalelab.ui.seeds;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * What the Seed bands and Sweep windows share: headless runs on a background thread, below the
 * live run's priority, with their progress, a message and Cancel. FX thread only.
 */
abstract class BackgroundRuns {
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private AtomicBoolean cancelled = new AtomicBoolean();

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public void cancel() {
        cancelled.set(true);
    }

    /** A fresh stop flag for the next runs, which {@link #cancel} sets. */
    protected AtomicBoolean newStop() {
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        return stop;
    }

    /** Starts {@code task} on its own daemon thread; its message and progress show until it ends. */
    protected <T> void start(Task<T> task, String threadName, Consumer<T> succeeded, Consumer<Throwable> failed) {
        message.bind(task.messageProperty());
        progress.bind(task.progressProperty());
        running.set(true);
        task.setOnSucceeded(e -> {
            finished();
            succeeded.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished();
            failed.accept(task.getException());
        });
        Thread thread = new Thread(task, threadName);
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1); // the live run and the window come first
        thread.start();
    }

    private void finished() {
        message.unbind();
        progress.unbind();
        running.set(false);
    }

    /** Shows {@code text} in place of the progress message. */
    protected void say(String text) {
        message.unbind();
        message.set(text);
    }

    /** The live design once the simulation thread has answered; Cancel is heard while it has not. */
    static <S> S await(CompletableFuture<S> design, AtomicBoolean stop) {
        while (true) {
            if (stop.get()) {
                throw new CancellationException("cancelled before the runs");
            }
            try {
                return design.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // not yet: ask again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            } catch (ExecutionException e) {
                throw new IllegalStateException("the live design could not be read: " + e.getCause().getMessage(), e);
            }
        }
    }

    /** A Scene for one of these windows: the app's look, the charts' and this package's sheet, following the theme. */
    static javafx.scene.Scene scene(javafx.scene.Parent root) {
        javafx.scene.Scene scene = new javafx.scene.Scene(root, 1000, 760);
        for (String sheet : new String[] {"/styles/app.css", "/styles/charts.css", "/styles/seeds.css"}) {
            scene.getStylesheets().add(BackgroundRuns.class.getResource(sheet).toExternalForm());
        }
        dev.scalelab.ui.look.Appearance.get().install(scene);
        return scene;
    }
}
