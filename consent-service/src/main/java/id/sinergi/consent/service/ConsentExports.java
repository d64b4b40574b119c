package id.sinergi.consent.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.audit.client.AuditTrail;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.consent.LawfulBasis;
import id.sinergi.common.consent.Purpose;
import id.sinergi.common.security.Caller;
import id.sinergi.consent.domain.ConsentGrant;
import id.sinergi.consent.domain.GrantGiver;
import id.sinergi.consent.domain.GrantStatus;
import id.sinergi.consent.domain.GrantVersion;
import id.sinergi.consent.fhir.FhirConsent.Consent;
import id.sinergi.consent.fhir.FhirConsents;
import id.sinergi.consent.receipt.ConsentReceipt;
import id.sinergi.consent.receipt.ConsentReceipt.Basis;
import id.sinergi.consent.receipt.ConsentReceipt.Collection;
import id.sinergi.consent.receipt.ConsentReceipt.ConsentGiver;
import id.sinergi.consent.receipt.ConsentReceipt.Controller;
import id.sinergi.consent.receipt.ConsentReceipt.PiiCategory;
import id.sinergi.consent.receipt.ConsentReceipt.PiiPrincipal;
import id.sinergi.consent.receipt.ConsentReceipt.ReceiptPurpose;
import id.sinergi.consent.receipt.ConsentReceipt.State;
import id.sinergi.consent.receipt.ConsentReceipt.Validity;
import id.sinergi.consent.receipt.ConsentReceipt.Withdrawal;
import id.sinergi.consent.receipt.ReceiptConfig;
import id.sinergi.consent.receipt.ReceiptKeys;
import id.sinergi.consent.vocabulary.PurposeRule;
import id.sinergi.consent.vocabulary.PurposeVocabulary;
import id.sinergi.consent.vocabulary.Vocabularies;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A grant as the worker and other systems take it away: a signed consent receipt, and a FHIR Consent. Both are
 * read like the grant's history (officers and the worker's app) and audited as reads of the grant.
 */
@ApplicationScoped
public class ConsentExports {

    /** A receipt as the API answers it: the signed JWS and, for reading, the payload it signs. */
    public record SignedReceipt(String kid, String jws, JsonNode receipt) {}

    @Inject
    AuditTrail audit;

    @Inject
    ConsentClock clock;

    @Inject
    ObjectMapper json;

    @Inject
    ReceiptKeys keys;

    @Inject
    ReceiptConfig config;

    /** Issues a receipt of the grant as it stands now, signed with the current key. */
    @WithTransaction
    public Uni<SignedReceipt> receipt(UUID grantId, Caller caller) {
        ConsentService.requireHistoryReader(caller);
        Instant now = clock.now();
        return ConsentService.load(grantId).flatMap(g -> latestVersion(g).flatMap(v -> {
            ConsentReceipt receipt = receiptOf(g, v, now, withdrawalUrl(g));
            byte[] payload = bytes(receipt);
            SignedReceipt signed = new SignedReceipt(keys.currentKid(), keys.sign(payload), tree(payload));
            return audit.record(event(caller, "consent.receipt.issue", g)
                            .reason("receipt=" + receipt.receiptId() + " revision=" + g.revision + " status="
                                    + receipt.state().status() + " kid=" + keys.currentKid())
                            .build())
                    .invoke(() -> Log.infof(
                            "event=consent-receipt-issued grant=%s receipt=%s kid=%s",
                            g.id, receipt.receiptId(), keys.currentKid()))
                    .replaceWith(signed);
        }));
    }

    /** The grant as a FHIR R4 Consent, its status as it reads now. */
    @WithTransaction
    public Uni<Consent> fhir(UUID grantId, Caller caller) {
        ConsentService.requireHistoryReader(caller);
        Instant now = clock.now();
        return ConsentService.load(grantId).flatMap(g -> latestVersion(g)
                .call(v -> audit.record(event(caller, "consent.fhir.read", g)
                        .reason("revision=" + g.revision)
                        .build()))
                .map(v -> FhirConsents.of(g, changedAt(g, v, now), now)));
    }

    private static Uni<GrantVersion> latestVersion(ConsentGrant g) {
        return GrantVersion.<GrantVersion>find("grantId = ?1 order by revision desc", g.id)
                .firstResult()
                .onItem()
                .ifNull()
                .failWith(() -> new IllegalStateException("consent grant " + g.id + " has no version"));
    }

    /** When the grant last changed: its latest version, or its end if it reads expired before the job wrote it. */
    private static Instant changedAt(ConsentGrant g, GrantVersion latest, Instant now) {
        return g.statusAt(now) == g.status ? latest.changedAt : g.validUntil;
    }

    static ConsentReceipt receiptOf(ConsentGrant g, GrantVersion latest, Instant now, URI withdrawal) {
        GrantStatus status = g.statusAt(now);
        return new ConsentReceipt(
                ConsentReceipt.VERSION,
                ConsentReceipt.CONFORMS_TO,
                UUID.randomUUID(),
                now,
                "consent-service",
                "ID",
                URI.create(Vocabularies.UU_PDP),
                g.captureLanguage,
                g.id,
                new PiiPrincipal(Vocabularies.WORKER, g.workerId),
                g.givenBy == GrantGiver.SELF
                        ? new ConsentGiver(GrantGiver.SELF, null, null, null)
                        : new ConsentGiver(g.givenBy, g.giverName, g.giverRelationship, g.workerId),
                List.of(new Controller(
                        g.receivingAgency, Vocabularies.agencyName(g.receivingAgency), "receiving agency")),
                purposes(g),
                new TreeSet<>(g.dataCategories)
                        .stream()
                                .map(c -> new PiiCategory(c, Vocabularies.categoryTerm(c), Vocabularies.isSpecific(c)))
                                .toList(),
                g.dataCategories.stream().anyMatch(Vocabularies::isSpecific),
                new Validity(g.validFrom, g.validUntil),
                g.retention,
                new Collection(
                        g.captureChannel,
                        g.grantedAt,
                        g.capturePlace,
                        g.capturePlaceCode,
                        g.capturedByUsername,
                        g.captureLanguage,
                        g.interpreterName,
                        g.witnessName),
                new State(status, g.revision, changedAt(g, latest, now), g.revokedAt, g.revocationReason),
                new Withdrawal(
                        "POST",
                        withdrawal,
                        "send {\"reason\": \"...\"} with the worker's app or ask an officer; processing stops within"
                                + " 3x24 hours"));
    }

    private static List<ReceiptPurpose> purposes(ConsentGrant g) {
        return new TreeSet<>(g.purposes)
                .stream().map(p -> purpose(p, g.dataCategories)).toList();
    }

    private static ReceiptPurpose purpose(Purpose purpose, Set<DataCategory> granted) {
        PurposeRule rule = PurposeVocabulary.rule(purpose);
        List<Basis> bases = rule.basesOf(granted).entrySet().stream()
                .map((Map.Entry<LawfulBasis, Set<DataCategory>> e) -> new Basis(
                        e.getKey(), e.getKey().term(), rule.referenceOf(e.getKey()), List.copyOf(e.getValue())))
                .toList();
        return new ReceiptPurpose(Vocabularies.PURPOSE, purpose, purpose.term(), purpose.gloss(), "EXPLICIT", bases);
    }

    /**
     * Where to withdraw: on the configured public address, else a path alone. Never on the request's Host header,
     * which the caller chooses: a signed receipt must not point to a host of the caller's choice.
     */
    private URI withdrawalUrl(ConsentGrant g) {
        String path = "/api/consents/" + g.id + "/revocation";
        return URI.create(config.publicUrl()
                .map(URI::toString)
                .map(base -> (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path)
                .orElse(path));
    }

    private byte[] bytes(ConsentReceipt receipt) {
        try {
            return json.writeValueAsBytes(receipt);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode tree(byte[] payload) {
        try {
            return json.readTree(payload);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AuditEvent.Builder event(Caller caller, String action, ConsentGrant grant) {
        return AuditEvent.of(audit.serviceName(), action, caller.actor())
                .worker(grant.workerId)
                .resource("consent-grant", grant.id);
    }
}
