package id.sinergi.common.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Free text that officers type into the audit trail (a review note, the reason of a legal hold) must not carry a
 * worker's identifiers: the log names workers by id only. Refuses a run of 16 digits (the shape of a NIK, spaces,
 * dots or dashes between digits allowed) and a word of one or two letters followed by six or seven digits (the
 * shape of an Indonesian passport number). Names cannot be told from other words and are left to the form's hint.
 */
@Documented
@Constraint(validatedBy = NoPersonalIdentifiersValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NoPersonalIdentifiers {

    String message() default "must not contain a NIK or a passport number; name the worker by their id";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
