package id.sinergi.consent.fhir;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * The FHIR R4 resources and data types the export writes, as far as it uses them. Plain records, not a FHIR
 * library: the export is one resource of fixed shape. Empty lists and absent values are left out, as FHIR's JSON
 * format requires.
 */
public final class FhirConsent {

    /** The media type of FHIR's JSON format. */
    public static final String MEDIA_TYPE = "application/fhir+json";

    private FhirConsent() {}

    /** A Consent resource (R4, http://hl7.org/fhir/R4/consent.html). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Consent(
            String resourceType,
            String id,
            Meta meta,
            List<RelatedPerson> contained,
            List<Extension> extension,
            List<Identifier> identifier,
            String status,
            CodeableConcept scope,
            List<CodeableConcept> category,
            Reference patient,
            Instant dateTime,
            List<Reference> performer,
            List<Reference> organization,
            List<Policy> policy,
            Provision provision) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Meta(String versionId, Instant lastUpdated, List<String> profile) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Extension(String url, String valueCode) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Identifier(String system, String value) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Coding(String system, String code, String display) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record CodeableConcept(List<Coding> coding, String text) {

        public static CodeableConcept of(String system, String code, String display) {
            return new CodeableConcept(List.of(new Coding(system, code, display)), null);
        }
    }

    /** A reference by local id ({@code #giver}), or by business identifier with the target's type. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Reference(String reference, String type, Identifier identifier, String display) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Period(Instant start, Instant end) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Policy(String authority, String uri) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record HumanName(String text) {}

    /** The guardian or representative who consented for the worker, contained in the Consent. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RelatedPerson(
            String resourceType,
            String id,
            Reference patient,
            List<CodeableConcept> relationship,
            List<HumanName> name) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Actor(CodeableConcept role, Reference reference) {}

    /** The rule of the consent: permit, in the period, to the actors, for the purposes, of the data classes. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Provision(
            String type,
            Period period,
            List<Actor> actor,
            List<CodeableConcept> action,
            List<Coding> purpose,
            @JsonProperty("class") List<Coding> dataClass) {}
}
