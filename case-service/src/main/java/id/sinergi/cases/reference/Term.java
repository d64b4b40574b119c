package id.sinergi.cases.reference;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A code with the Indonesian term the ministries use for it and a short English gloss.
 *
 * @param code the stable machine name, e.g. {@code GAJI_TIDAK_DIBAYAR}
 * @param termId the Indonesian term, e.g. {@code Gaji tidak dibayar}
 * @param glossEn the English gloss, e.g. {@code wages not paid / withheld}
 */
@Schema(name = "Term")
public record Term(String code, String termId, String glossEn) {}
