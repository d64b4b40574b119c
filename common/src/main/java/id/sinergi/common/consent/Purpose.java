package id.sinergi.common.consent;

import java.util.Arrays;
import java.util.Optional;

/**
 * The published vocabulary of purposes for which an agency may process a worker's data: what consent grants
 * name and what callers declare when they ask for a worker's data. Each has its Indonesian term and an English
 * gloss; the lawful basis of each is consent-service's rule (its {@code GET /api/purposes}).
 */
public enum Purpose {
    /** Handling a consular protection case. */
    PROTECTION_CASE_HANDLING("penanganan kasus pelindungan", "handling a protection case"),
    /** Bringing the worker, or their remains, home. */
    REPATRIATION("pemulangan", "bringing the worker home"),
    /** A claim on the worker's social-security insurance. */
    INSURANCE_CLAIM("klaim jaminan sosial", "a claim on the worker's social-security insurance"),
    /** Statistics that use data identifying the worker (aggregate counts need no worker's data at all). */
    STATISTICS("statistik", "statistics that use identifying data"),
    /** Services under the worker's placement agreement (perjanjian penempatan). */
    PLACEMENT_SERVICE("layanan penempatan", "services under the worker's placement agreement"),
    /** Telling the worker that their personal data were breached (UU 27/2022 Pasal 46). */
    BREACH_NOTIFICATION(
            "pemberitahuan kegagalan pelindungan data pribadi", "telling the worker of a personal-data breach"),
    /** Finding duplicate or fictitious identities, a common start of illegal placement. */
    FRAUD_PREVENTION(
            "pencegahan penempatan nonprosedural",
            "preventing illegal placement through false or duplicate identities"),
    /** Programmes that help a returned worker back into work and community life. */
    REINTEGRATION("pemberdayaan purnapenempatan", "reintegration programmes after return");

    private final String term;
    private final String gloss;

    Purpose(String term, String gloss) {
        this.term = term;
        this.gloss = gloss;
    }

    /** The Indonesian term, as users read it. */
    public String term() {
        return term;
    }

    /** What the term means, in English. */
    public String gloss() {
        return gloss;
    }

    /** The purpose of this exact name, if there is one. */
    public static Optional<Purpose> named(String name) {
        return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst();
    }
}
