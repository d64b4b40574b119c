package id.sinergi.cases.redaction;

import id.sinergi.cases.domain.Party;
import java.util.List;

/**
 * What an export of one case for a party holds: the fields shared with it and those withheld, both in the order of
 * {@link CaseFields#ALL}. Which fields are withheld depends on the party and the case's category only, never on
 * which fields have a value, so that the withheld list tells the party nothing about the case's content.
 *
 * @param rule which rule applied: {@code *}, a category group, a category code, or {@code ministry} for the two
 *     ministries, which receive the whole case; for the audit trail, never for the party (a group such as
 *     {@code VIOLENCE} would tell the party what the case is about)
 */
public record Redaction(Party party, String rule, List<String> shared, List<String> withheld) {

    /** The rule name of an export for one of the two ministries. */
    public static final String MINISTRY = "ministry";

    public Redaction {
        shared = List.copyOf(shared);
        withheld = List.copyOf(withheld);
    }

    /** The whole case, for one of the two ministries. */
    static Redaction whole(Party party) {
        return new Redaction(party, MINISTRY, CaseFields.ALL, List.of());
    }
}
