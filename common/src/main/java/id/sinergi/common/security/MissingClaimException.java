package id.sinergi.common.security;

/**
 * A verified access token lacks a claim its roles require ({@link RequiredClaims}): the caller is not authenticated
 * as a Sinergi user, so the answer is 401 with the problem type {@code missing-<claim>}, not 403. Raised as the cause
 * of an {@code AuthenticationFailedException} (which is final), so that Quarkus treats it as a failed authentication.
 */
public class MissingClaimException extends SecurityException {

    private final String claim;
    private final String subject;

    /**
     * @param claim the claim that is missing or invalid, e.g. {@code mission}
     * @param subject the token's {@code sub} (a Keycloak id), for the denial log line; never the token
     */
    public MissingClaimException(String claim, String subject) {
        super("the access token lacks the '" + claim + "' claim its roles require");
        this.claim = claim;
        this.subject = subject;
    }

    public String claim() {
        return claim;
    }

    public String subject() {
        return subject;
    }
}
