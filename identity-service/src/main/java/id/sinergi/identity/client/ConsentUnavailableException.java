package id.sinergi.identity.client;

/** consent-service could not give a decision; callers must deny (fail closed). */
public class ConsentUnavailableException extends RuntimeException {

    private final String causeClass;

    public ConsentUnavailableException(String causeClass) {
        super("consent-service gave no decision (" + causeClass + ")", null, false, false);
        this.causeClass = causeClass;
    }

    /** The class of the failure, for the audit trail; never its message, which may name hosts or values. */
    public String causeClass() {
        return causeClass;
    }
}
