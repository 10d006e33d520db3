package dev.scalelab.world;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a subsystem's {@code Applies} annotation: a scenario field whose record component (or a
 * section above it) carries one can change while a run goes on, and the subsystem applies the change
 * with the named step of its own {@link ApplyStep} enum. That is the whole declaration of a live
 * {@link Parameter}: its path, type, range, unit and description come from the component's
 * {@link Field}, its owner and how it is applied from the step. The step is an enum constant, so a
 * live field without a step, or with a step that does not exist, does not compile.
 *
 * <p>Each subsystem declares its own annotation, because an annotation element can only be of one
 * enum type:
 * <pre>{@code
 * @Live @Retention(RUNTIME) @Target(RECORD_COMPONENT)
 * @interface Applies { Step value(); String[] fields() default {}; }
 * }</pre>
 * On a section whose record type serves several places (a {@link DistributionSpec}, a gateway
 * limit), {@code fields} names which of its fields are live there, by their names in the file.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
@interface Live {
}
