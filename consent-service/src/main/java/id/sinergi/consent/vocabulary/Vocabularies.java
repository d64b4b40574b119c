package id.sinergi.consent.vocabulary;

import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.security.Agency;

/**
 * The identifiers under which consent-service publishes its own codes, and the names of things its exports show
 * to people. Receipts and the FHIR export use the same ones, so that a code reads the same in both.
 */
public final class Vocabularies {

    /** The purposes of {@link id.sinergi.common.consent.Purpose}, as published by {@code GET /api/purposes}. */
    public static final String PURPOSE = "urn:sinergi:consent:purpose";

    /** The lawful bases of UU 27/2022 Pasal 20 ayat (2), by the names of {@code LawfulBasis}. */
    public static final String LAWFUL_BASIS = "urn:sinergi:consent:lawful-basis";

    /** The data categories a grant covers. */
    public static final String DATA_CATEGORY = "urn:sinergi:consent:data-category";

    /** How a guardian or representative stands to the worker. */
    public static final String GIVER_RELATIONSHIP = "urn:sinergi:consent:giver-relationship";

    /** The two ministries, by the value of the token's {@code agency} claim. */
    public static final String AGENCY = "urn:sinergi:agency";

    /** Workers, by their Sinergi worker id (never the NIK or passport number). */
    public static final String WORKER = "urn:sinergi:worker";

    /** Consent grants, by their id. */
    public static final String GRANT = "urn:sinergi:consent-grant";

    /** The law's text in the national legal database (JDIH BPK). */
    public static final String UU_PDP = "https://peraturan.bpk.go.id/Details/229798/uu-no-27-tahun-2022";

    /** Where consent as a basis comes from. */
    public static final String CONSENT_REFERENCE = "UU 27/2022 Pasal 20 ayat (2) huruf a";

    private Vocabularies() {}

    /** The ministry's name as people read it. */
    public static String agencyName(Agency agency) {
        return switch (agency) {
            case KEMENP2MI -> "Kementerian Pelindungan Pekerja Migran Indonesia";
            case KEMLU -> "Kementerian Luar Negeri";
        };
    }

    /** The category's Indonesian name. */
    public static String categoryTerm(DataCategory category) {
        return switch (category) {
            case IDENTITY -> "data identitas";
            case CONTACT -> "data kontak";
            case PLACEMENT -> "data penempatan";
            case CASE_DETAILS -> "data kasus";
            case HEALTH -> "data kesehatan";
        };
    }

    /** Whether the category is specific personal data under UU 27/2022 (health is). */
    public static boolean isSpecific(DataCategory category) {
        return category == DataCategory.HEALTH;
    }
}
