package id.sinergi.identity.passport;

/**
 * One finding about a passport.
 *
 * @param path the JSON field it concerns, e.g. {@code passport.expiryDate} or {@code passport.mrz[1]}
 * @param message English, naming the field and the rule; never the passport number or the name
 */
public record PassportFinding(PassportFindingCode code, String path, String message) {

    public PassportFindingCode.Severity severity() {
        return code.severity();
    }
}
