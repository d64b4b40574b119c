package id.sinergi.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final UUID EVENT_ID = UUID.fromString("6f1c2b9e-3d4a-4e5f-8a7b-0c1d2e3f4a5b");
    private static final Instant RECORDED = Instant.parse("2026-12-03T10:00:00.5Z");

    private static AuditEvent minimal() {
        return new AuditEvent(
                EVENT_ID,
                Instant.parse("2026-12-03T09:59:59Z"),
                "case-service",
                "case.read",
                AuditOutcome.DENIED,
                new AuditActor("sub-1", null, null, null, null, null),
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void shouldWriteEveryMemberInFixedOrderWithExplicitNulls() {
        AuditRecord record = AuditRecord.chained(minimal(), 7, RECORDED, AuditChain.GENESIS);

        String canonical = AuditChain.canonical(record);

        assertThat(canonical)
                .isEqualTo("{\"v\":1,\"seq\":7,\"eventId\":\"6f1c2b9e-3d4a-4e5f-8a7b-0c1d2e3f4a5b\","
                        + "\"occurredAt\":\"2026-12-03T09:59:59.000000Z\","
                        + "\"recordedAt\":\"2026-12-03T10:00:00.500000Z\","
                        + "\"service\":\"case-service\",\"action\":\"case.read\",\"outcome\":\"DENIED\","
                        + "\"actorSubject\":\"sub-1\",\"actorUsername\":null,\"actorAgency\":null,"
                        + "\"actorMission\":null,\"actorClientId\":null,\"actorRoles\":null,\"workerId\":null,"
                        + "\"purpose\":null,\"resourceType\":null,\"resourceId\":null,\"reason\":null}");
    }

    @Test
    void shouldTruncateTimestampsToMicrosecondsAsPostgresKeepsThem() {
        AuditEvent event = minimal();
        AuditEvent precise = new AuditEvent(
                event.id(),
                Instant.parse("2026-12-03T09:59:59.123456789Z"),
                event.service(),
                event.action(),
                event.outcome(),
                event.actor(),
                null,
                null,
                null,
                null,
                null);

        AuditRecord record = AuditRecord.chained(precise, 1, Instant.parse("2026-12-03T10:00:00.999999999Z"), "a");

        assertThat(record.occurredAt).isEqualTo(Instant.parse("2026-12-03T09:59:59.123456Z"));
        assertThat(AuditChain.canonical(record))
                .contains("\"occurredAt\":\"2026-12-03T09:59:59.123456Z\"")
                .contains("\"recordedAt\":\"2026-12-03T10:00:00.999999Z\"");
    }

    @Test
    void shouldEscapeQuotesBackslashesAndControlCharactersOnly() {
        assertThat(AuditChain.quote("a\"b\\c\nd\u0001é😀")).isEqualTo("\"a\\\"b\\\\c\\u000ad\\u0001é😀\"");
    }

    @Test
    void shouldHashPreviousHashNewlineAndCanonicalForm() throws Exception {
        AuditRecord record = AuditRecord.chained(minimal(), 1, RECORDED, AuditChain.GENESIS);

        byte[] expected = MessageDigest.getInstance("SHA-256")
                .digest((AuditChain.GENESIS + "\n" + AuditChain.canonical(record)).getBytes(StandardCharsets.UTF_8));

        assertThat(record.prevHash).isEqualTo(AuditChain.GENESIS);
        assertThat(record.hash).isEqualTo(HexFormat.of().formatHex(expected)).hasSize(64);
        assertThat(AuditChain.expectedHash(record)).isEqualTo(record.hash);
    }

    @Test
    void shouldChangeTheHashWhenSeqRecordedAtPrevHashOrAnyFieldChanges() {
        String hash = AuditRecord.chained(minimal(), 1, RECORDED, AuditChain.GENESIS).hash;
        AuditRecord edited = AuditRecord.chained(minimal(), 1, RECORDED, AuditChain.GENESIS);
        edited.reason = "";

        assertThat(List.of(
                        AuditRecord.chained(minimal(), 2, RECORDED, AuditChain.GENESIS).hash,
                        AuditRecord.chained(minimal(), 1, RECORDED.plusNanos(1000), AuditChain.GENESIS).hash,
                        AuditRecord.chained(minimal(), 1, RECORDED, "f".repeat(64)).hash,
                        AuditChain.expectedHash(edited)))
                .doesNotContain(hash)
                .doesNotHaveDuplicates();
    }

    @Test
    void shouldKeepRolesExactlyThroughTheColumn() {
        List<String> roles = Arrays.asList("b-role", "a,role", "quote\"d", null);

        String column = AuditChain.encodeRoles(roles);

        assertThat(column).isEqualTo("[\"b-role\",\"a,role\",\"quote\\\"d\",null]");
        assertThat(AuditChain.decodeRoles(column)).isEqualTo(roles);
        assertThat(AuditChain.encodeRoles(List.of())).isEqualTo("[]");
        assertThat(AuditChain.decodeRoles(null)).isNull();
    }
}
