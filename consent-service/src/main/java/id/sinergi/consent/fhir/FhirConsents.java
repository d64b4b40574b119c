package id.sinergi.consent.fhir;

import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.consent.LawfulBasis;
import id.sinergi.common.consent.Purpose;
import id.sinergi.consent.domain.ConsentGrant;
import id.sinergi.consent.domain.GrantGiver;
import id.sinergi.consent.domain.GrantStatus;
import id.sinergi.consent.fhir.FhirConsent.Actor;
import id.sinergi.consent.fhir.FhirConsent.CodeableConcept;
import id.sinergi.consent.fhir.FhirConsent.Coding;
import id.sinergi.consent.fhir.FhirConsent.Consent;
import id.sinergi.consent.fhir.FhirConsent.Extension;
import id.sinergi.consent.fhir.FhirConsent.HumanName;
import id.sinergi.consent.fhir.FhirConsent.Identifier;
import id.sinergi.consent.fhir.FhirConsent.Meta;
import id.sinergi.consent.fhir.FhirConsent.Period;
import id.sinergi.consent.fhir.FhirConsent.Policy;
import id.sinergi.consent.fhir.FhirConsent.Provision;
import id.sinergi.consent.fhir.FhirConsent.Reference;
import id.sinergi.consent.fhir.FhirConsent.RelatedPerson;
import id.sinergi.consent.vocabulary.PurposeVocabulary;
import id.sinergi.consent.vocabulary.Vocabularies;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Maps a grant to a FHIR R4 Consent; docs/consent.md has the mapping as a table. */
public final class FhirConsents {

    /** Our status beside FHIR's coarser one: FHIR R4 has one "inactive" for paused, revoked and expired. */
    public static final String STATUS_EXTENSION = "urn:sinergi:fhir:consent-status";

    static final String SCOPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentscope";
    static final String LOINC = "http://loinc.org";
    static final String ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
    static final String PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    static final String ACTION_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentaction";

    private static final String GIVER_ID = "giver";

    private FhirConsents() {}

    /**
     * The grant as a Consent, its status as it reads at {@code now}.
     *
     * @param lastChangedAt when the grant's latest version was written (FHIR's meta.lastUpdated)
     */
    public static Consent of(ConsentGrant g, Instant lastChangedAt, Instant now) {
        GrantStatus status = g.statusAt(now);
        Reference worker =
                new Reference(null, "Patient", new Identifier(Vocabularies.WORKER, g.workerId.toString()), null);
        Reference agency = new Reference(
                null,
                "Organization",
                new Identifier(Vocabularies.AGENCY, g.receivingAgency.name()),
                Vocabularies.agencyName(g.receivingAgency));
        boolean bySomeoneElse = g.givenBy != GrantGiver.SELF;
        return new Consent(
                "Consent",
                g.id.toString(),
                new Meta(Integer.toString(g.revision), lastChangedAt, List.of()),
                bySomeoneElse ? List.of(giver(g, worker)) : List.of(),
                List.of(new Extension(STATUS_EXTENSION, status.name())),
                List.of(new Identifier(Vocabularies.GRANT, g.id.toString())),
                status(status),
                CodeableConcept.of(SCOPE_SYSTEM, "patient-privacy", "Privacy Consent"),
                List.of(CodeableConcept.of(LOINC, "59284-0", "Patient Consent")),
                worker,
                g.grantedAt,
                List.of(bySomeoneElse ? new Reference("#" + GIVER_ID, "RelatedPerson", null, g.giverName) : worker),
                List.of(agency),
                List.of(new Policy(null, Vocabularies.UU_PDP)),
                new Provision(
                        "permit",
                        new Period(g.validFrom, g.validUntil),
                        List.of(new Actor(CodeableConcept.of(PARTICIPATION, "IRCP", "information recipient"), agency)),
                        List.of(CodeableConcept.of(ACTION_SYSTEM, "use", "Use")),
                        purposes(g),
                        classes(g)));
    }

    /** FHIR R4's Consent.status for each of ours. */
    public static String status(GrantStatus status) {
        return switch (status) {
            case PENDING -> "proposed";
            case ACTIVE -> "active";
            case PAUSED, REVOKED, EXPIRED -> "inactive";
            case REJECTED -> "rejected";
        };
    }

    private static RelatedPerson giver(ConsentGrant g, Reference worker) {
        List<Coding> relationship = new ArrayList<>();
        relationship.add(
                g.givenBy == GrantGiver.GUARDIAN
                        ? new Coding(ROLE_CODE, "GUARD", "guardian")
                        : new Coding(ROLE_CODE, "POWATT", "power of attorney"));
        relationship.add(new Coding(Vocabularies.GIVER_RELATIONSHIP, g.giverRelationship.name(), null));
        return new RelatedPerson(
                "RelatedPerson",
                GIVER_ID,
                worker,
                List.of(new CodeableConcept(relationship, null)),
                List.of(new HumanName(g.giverName)));
    }

    /** Each purpose in our vocabulary, then each lawful basis the purposes rest on for the granted categories. */
    private static List<Coding> purposes(ConsentGrant g) {
        List<Coding> codings = new ArrayList<>();
        Set<LawfulBasis> bases = new LinkedHashSet<>();
        for (Purpose purpose : new TreeSet<>(g.purposes)) {
            codings.add(new Coding(Vocabularies.PURPOSE, purpose.name(), purpose.term()));
            bases.addAll(
                    PurposeVocabulary.rule(purpose).basesOf(g.dataCategories).keySet());
        }
        for (LawfulBasis basis : bases) {
            codings.add(new Coding(Vocabularies.LAWFUL_BASIS, basis.name(), basis.term()));
        }
        return codings;
    }

    private static List<Coding> classes(ConsentGrant g) {
        List<Coding> codings = new ArrayList<>();
        for (DataCategory category : new TreeSet<>(g.dataCategories)) {
            codings.add(new Coding(Vocabularies.DATA_CATEGORY, category.name(), Vocabularies.categoryTerm(category)));
        }
        return codings;
    }
}
