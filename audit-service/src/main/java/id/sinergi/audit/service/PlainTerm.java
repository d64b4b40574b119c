package id.sinergi.audit.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A code with the words a person reads for it: the Indonesian term and its English gloss.
 *
 * @param code the code as the log stores it, e.g. {@code KEMLU} or {@code READ}
 * @param term the Indonesian term, e.g. {@code melihat data}; null when the code is not one the log knows
 * @param gloss the English gloss, e.g. {@code viewed the data}; null with the term
 */
@Schema(name = "PlainTerm", description = "A code with its Indonesian term and English gloss")
public record PlainTerm(String code, String term, String gloss) {

    static PlainTerm unknown(String code) {
        return code == null ? null : new PlainTerm(code, null, null);
    }
}
