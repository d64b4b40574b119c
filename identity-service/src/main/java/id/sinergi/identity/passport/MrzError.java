package id.sinergi.identity.passport;

import java.util.Optional;

/**
 * One broken rule of a machine-readable zone. The message names the field and its place on the document but never
 * repeats what the zone holds, since the zone carries the passport number and the name.
 *
 * @param line the line concerned, counted from 1; 0 when the error concerns the zone as a whole
 * @param field the field concerned, or null when the error concerns a whole line or the zone
 */
public record MrzError(MrzErrorCode code, int line, MrzField field, String message) {

    static MrzError ofZone(MrzErrorCode code, String message) {
        return new MrzError(code, 0, null, message);
    }

    static MrzError ofLine(MrzErrorCode code, int line, String message) {
        return new MrzError(code, line, null, message);
    }

    static MrzError ofField(MrzErrorCode code, MrzField field, String problem) {
        return new MrzError(code, field.line(), field, field.where() + ": " + problem);
    }

    /** The field concerned, if the error concerns one. */
    public Optional<MrzField> fieldConcerned() {
        return Optional.ofNullable(field);
    }
}
