package id.sinergi.common.audit;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A JSON object (null passes) that stays small: at most {@link #maxBytes()} as compact UTF-8 JSON, nested at most
 * {@link #maxDepth()} levels (the object itself is level 1), with member names and text values free of control
 * characters and unpaired surrogates ({@link id.sinergi.common.json.CleanText}).
 */
@Documented
@Constraint(validatedBy = SmallJsonObjectValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface SmallJsonObject {

    String message() default "must be a JSON object of at most {maxBytes} bytes and {maxDepth} levels";

    int maxBytes();

    int maxDepth();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
