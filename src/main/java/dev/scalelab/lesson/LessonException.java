package dev.scalelab.lesson;

/** A lesson file that cannot be used, with a one-line message: the file, the field's path, the problem. */
public final class LessonException extends RuntimeException {
    public LessonException(String message) {
        super(message);
    }
}
