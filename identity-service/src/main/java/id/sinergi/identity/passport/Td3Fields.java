package id.sinergi.identity.passport;

import java.util.Map;

/**
 * The fields of a TD3 zone as printed, with the fillers that only pad a field removed. Present even when some rule
 * failed, so a reader can see what the zone says; trust it only when the result has no errors.
 *
 * @param documentCode {@code P} followed by the issuer's type letter, if any
 * @param issuingState the 3-character field as printed, e.g. {@code D<<} for Germany
 * @param documentNumber the number without its trailing fillers
 * @param documentNumberRaw the 9 characters as printed
 * @param nationality the 3-character field as printed
 * @param sex {@code M}, {@code F}, {@code X} or {@code <} (the last two: unspecified)
 * @param optionalData the optional data (a personal number for some issuers) without trailing fillers
 * @param checks every check digit, printed and computed
 */
public record Td3Fields(
        String documentCode,
        String issuingState,
        MrzName name,
        String documentNumber,
        String documentNumberRaw,
        String nationality,
        MrzDate birthDate,
        char sex,
        MrzDate expiryDate,
        String optionalData,
        Map<MrzCheck, CheckDigit> checks) {

    public Td3Fields {
        checks = Map.copyOf(checks);
    }

    /** The issuing state's code without fillers, e.g. {@code D}. */
    public String issuingStateCode() {
        return StateCodes.withoutFillers(issuingState);
    }

    /** The nationality's code without fillers. */
    public String nationalityCode() {
        return StateCodes.withoutFillers(nationality);
    }

    /** One check digit. */
    public CheckDigit check(MrzCheck which) {
        return checks.get(which);
    }
}
