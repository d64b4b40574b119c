package id.sinergi.cases.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.cases.domain.CaseIntakeKey;
import id.sinergi.cases.domain.ProtectionCase;
import id.sinergi.cases.rest.CaseDtos.ReportRequest;
import id.sinergi.common.problem.Problem;
import id.sinergi.common.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Idempotent intake: a caller's report under an Idempotency-Key is stored once. The key row is written in the
 * report's own transaction, so a case and its key commit together; of two reports racing with one key, the
 * second waits on the key's primary key, fails, and is answered with the first one's case.
 */
@ApplicationScoped
public class IntakeKeys {

    /** Visible ASCII, 1 to 128 characters: a UUID, or the sender's own request id. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

    @Inject
    ObjectMapper json;

    /** A key of one caller together with the digest of the report sent under it. */
    public record Key(String caller, String value, byte[] sha256) {}

    /**
     * The key with the report's digest.
     *
     * @throws ProblemException 400 {@code invalid-idempotency-key} when the header is not 1 to 128 visible ASCII
     *     characters
     */
    public Key key(String caller, String header, ReportRequest request) {
        if (!KEY.matcher(header).matches()) {
            throw ProblemException.invalidParameter(
                    "invalid-idempotency-key", "Idempotency-Key", "must be 1 to 128 visible ASCII characters");
        }
        return new Key(caller, header, digest(request));
    }

    /**
     * The case made before under the key, or null when the key is new.
     *
     * @throws ProblemException 422 {@code idempotency-key-reused} when the key came with another report
     */
    public Uni<ProtectionCase> replay(Key key) {
        return Panache.withSession(
                () -> CaseIntakeKey.<CaseIntakeKey>findById(new CaseIntakeKey.Id(key.caller(), key.value()))
                        .chain(stored -> {
                            if (stored == null) {
                                return Uni.createFrom().nullItem();
                            }
                            if (!Arrays.equals(stored.requestSha256, key.sha256())) {
                                throw reused();
                            }
                            return ProtectionCase.<ProtectionCase>findById(stored.caseId);
                        }));
    }

    /** Writes the key with the case it made, in the current transaction. */
    public Uni<Void> remember(Key key, ProtectionCase c) {
        CaseIntakeKey row = new CaseIntakeKey();
        row.id = new CaseIntakeKey.Id(key.caller(), key.value());
        row.requestSha256 = key.sha256();
        row.caseId = c.id;
        row.createdAt = c.reportedAt;
        return row.persist().call(() -> Panache.flush()).replaceWithVoid();
    }

    /** Whether the failure is another transaction having written the same key first. */
    static boolean isKeyTaken(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains("case_intake_key_pkey")) {
                return true;
            }
        }
        return false;
    }

    private byte[] digest(ReportRequest request) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest a report", e);
        }
    }

    private static ProblemException reused() {
        return new ProblemException(new Problem(
                "idempotency-key-reused",
                "Idempotency-Key reused",
                422,
                "This Idempotency-Key came with another report before: send a new key for a new report",
                null,
                null));
    }
}
