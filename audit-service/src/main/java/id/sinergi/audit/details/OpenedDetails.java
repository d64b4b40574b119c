package id.sinergi.audit.details;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An event's details as a read finds them.
 *
 * @param status whether they could be opened
 * @param value the details, when {@link DetailsStatus#PRESENT}; else null
 */
public record OpenedDetails(DetailsStatus status, ObjectNode value) {

    static final OpenedDetails ERASED = new OpenedDetails(DetailsStatus.ERASED, null);

    static final OpenedDetails UNREADABLE = new OpenedDetails(DetailsStatus.UNREADABLE, null);

    /** Says whether there are details, never what they are: they may be personal data. */
    @Override
    public String toString() {
        return "OpenedDetails[" + status + "]";
    }
}
