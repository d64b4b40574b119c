package id.sinergi.common.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.regex.Pattern;

/** Checks {@link NoPersonalIdentifiers}. */
public class NoPersonalIdentifiersValidator implements ConstraintValidator<NoPersonalIdentifiers, CharSequence> {

    /** Sixteen digits, each pair perhaps separated by one space, dot or dash, not inside a longer number. */
    private static final Pattern NIK = Pattern.compile("(?<![0-9])[0-9](?:[ .\\-]?[0-9]){15}(?![0-9])");

    /** One or two letters, then six or seven digits, as a word of its own (A1234567, XB123456). */
    private static final Pattern PASSPORT =
            Pattern.compile("(?<![\\p{L}\\p{N}])\\p{IsLatin}{1,2}[0-9]{6,7}(?![\\p{L}\\p{N}])");

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null
                || !(NIK.matcher(value).find() || PASSPORT.matcher(value).find());
    }
}
