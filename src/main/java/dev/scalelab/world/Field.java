package dev.scalelab.world;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a scenario record component is as a field of the scenario file: its range, unit, meaning and
 * how the file writes it. The record holds the one definition; the reader, the writer, the
 * parameters, the schema and the forms all take it from here. The type comes from the component's
 * Java type, the default from the record's {@code DEFAULT}, the choices of an enum from its ids.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Field {

    /** One or two sentences: what the field does, and where its default comes from. */
    String description();

    /** The unit shown beside the value ("ms", "req/s"), or "" for none. */
    String unit() default "";

    /** The smallest value (of a number, a whole number, or each number of a list). */
    double min() default -Double.MAX_VALUE;

    double max() default Double.MAX_VALUE;

    /** Whether {@link #min} itself is refused (a rate threshold must be above 0). */
    boolean minExclusive() default false;

    /** A {@code double} that holds a whole number and is written as one. */
    boolean whole() default false;

    /** The allowed values of a string field, in the order a form lists them (an enum's come from its ids). */
    String[] choices() default {};

    /** The field's path in its object when the file nests it differently ("sharding.strategy"). */
    String json() default "";

    /**
     * "sibling=value": the field belongs to the file only when an earlier sibling has that value
     * (a Zipf alpha only under a zipf distribution); otherwise it is neither read nor written.
     */
    String when() default "";

    /** An empty string or list is left out of the file. */
    boolean omitEmpty() default false;

    /** An earlier sibling this field may not go below (maxReplicas at least minReplicas). */
    String atLeast() default "";

    /** For a list: how many items it may have. */
    int minItems() default 0;

    int maxItems() default Integer.MAX_VALUE;

    /**
     * For a list whose items hold live fields ({@link Live}): how many of its first items change
     * live; the subsystem applies a change to those and no others.
     */
    int liveItems() default 0;

    /** For a string: the pattern it must match, and what that pattern asks for in words. */
    String pattern() default "";

    String patternHint() default "";

    /** For a required string (no default): an example value for the "missing" message. */
    String example() default "";

    /** For a string of the items of a list: no two items may share the value. */
    boolean unique() default false;

    /** When this field is absent but the sibling {@link #impliedBy} is written, the field is {@link #impliedValue}. */
    String impliedBy() default "";

    String impliedValue() default "";

    /**
     * For a section: the static field of its type whose values fill what a written but incomplete
     * section leaves out, when they differ from the values of an absent section.
     */
    String whenWritten() default "";
}
