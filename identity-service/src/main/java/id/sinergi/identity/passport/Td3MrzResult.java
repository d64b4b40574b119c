package id.sinergi.identity.passport;

import java.util.List;
import java.util.Optional;

/** What {@link Td3Mrz} read: the fields (when the zone had the right shape) and every rule the zone broke. */
public final class Td3MrzResult {

    private final Td3Fields fields;
    private final List<MrzError> errors;

    Td3MrzResult(Td3Fields fields, List<MrzError> errors) {
        this.fields = fields;
        this.errors = List.copyOf(errors);
    }

    /** The fields; empty when the zone has the wrong number of lines, a wrong length or a foreign character. */
    public Optional<Td3Fields> fields() {
        return Optional.ofNullable(fields);
    }

    /** Every broken rule: those of the fields in the order of the zone, then the check digits. */
    public List<MrzError> errors() {
        return errors;
    }

    /** Whether the zone broke no rule. */
    public boolean isValid() {
        return errors.isEmpty();
    }

    /** Whether the zone broke the rule {@code code}. */
    public boolean has(MrzErrorCode code) {
        return errors.stream().anyMatch(e -> e.code() == code);
    }
}
