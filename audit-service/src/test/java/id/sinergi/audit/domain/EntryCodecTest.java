package id.sinergi.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.common.audit.AuditOutcome;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EntryCodecTest {

    private static AuditRecord row(short format, byte[] details) {
        AuditRecord r = new AuditRecord();
        r.entryFormat = format;
        r.eventId = UUID.fromString("00000000-0000-4000-8000-000000000001");
        r.occurredAt = Instant.parse("2026-12-01T08:00:00.123456Z");
        r.recordedAt = Instant.parse("2026-12-01T08:00:01Z");
        r.service = "identity-service";
        r.action = "worker.read";
        r.outcome = AuditOutcome.SUCCESS;
        r.actorSubject = "sub-1";
        r.actorUsername = "consul.kl";
        r.actorAgency = "KEMLU";
        r.actorMission = "KBRI-KUALALUMPUR";
        r.actorClientId = "sinergi-portal";
        r.actorRoles = "[\"consular-officer\"]";
        r.workerId = UUID.fromString("00000000-0000-4000-8000-000000000002");
        r.purpose = "PROTECTION_CASE_HANDLING";
        r.reason = "basis=CONSENT";
        r.details = details;
        return r;
    }

    private static final String VERSION_2 = "{\"v\":2,\"eventId\":\"00000000-0000-4000-8000-000000000001\","
            + "\"occurredAt\":\"2026-12-01T08:00:00.123456Z\",\"recordedAt\":\"2026-12-01T08:00:01.000000Z\","
            + "\"service\":\"identity-service\",\"action\":\"worker.read\",\"outcome\":\"SUCCESS\","
            + "\"actorSubject\":\"sub-1\",\"actorUsername\":\"consul.kl\",\"actorAgency\":\"KEMLU\","
            + "\"actorMission\":\"KBRI-KUALALUMPUR\",\"actorClientId\":\"sinergi-portal\","
            + "\"actorRoles\":\"[\\\"consular-officer\\\"]\",\"workerId\":\"00000000-0000-4000-8000-000000000002\","
            + "\"purpose\":\"PROTECTION_CASE_HANDLING\",\"resourceType\":null,\"resourceId\":null,"
            + "\"reason\":\"basis=CONSENT\"}";

    @Test
    void shouldKeepTheBytesOfRowsStoredBeforeDetailsExisted() {
        assertThat(EntryCodec.canonical(row((short) 2, null))).isEqualTo(VERSION_2);
    }

    @Test
    void shouldAddTheSealedDetailsAsTheLastMemberOfVersion3() {
        String withDetails = EntryCodec.canonical(row(EntryCodec.FORMAT, new byte[] {1, 2, 3, (byte) 0xff}));
        String withoutDetails = EntryCodec.canonical(row(EntryCodec.FORMAT, null));

        String body = VERSION_2.substring("{\"v\":2".length(), VERSION_2.length() - 1);
        assertThat(withDetails).isEqualTo("{\"v\":3" + body + ",\"details\":\"AQID/w==\"}");
        assertThat(withoutDetails).isEqualTo("{\"v\":3" + body + ",\"details\":null}");
    }

    @Test
    void shouldAddTheRetentionStatementAsTheLastMemberOfVersion4Only() {
        AuditRecord statement = row(EntryCodec.FORMAT_RETENTION, null);
        statement.purge = "audit.sinergi.local/log\nretention-purge/v1\n";
        AuditRecord ordinary = row(EntryCodec.FORMAT, null);
        ordinary.purge = "ignored: only form 4 carries it";

        String body = VERSION_2.substring("{\"v\":2".length(), VERSION_2.length() - 1);
        assertThat(EntryCodec.canonical(statement))
                .isEqualTo("{\"v\":4" + body + ",\"details\":null,"
                        + "\"purge\":\"audit.sinergi.local/log\\u000aretention-purge/v1\\u000a\"}");
        assertThat(EntryCodec.canonical(ordinary)).isEqualTo("{\"v\":3" + body + ",\"details\":null}");
    }

    @Test
    void shouldGiveARowWhoseVersionWasChangedOtherBytes() {
        AuditRecord v3 = row(EntryCodec.FORMAT, null);
        AuditRecord claimedV2 = row((short) 2, null);
        AuditRecord unknown = row((short) 9, null);

        assertThat(EntryCodec.leafHash(claimedV2)).isNotEqualTo(EntryCodec.leafHash(v3));
        assertThat(EntryCodec.canonical(unknown)).startsWith("{\"v\":9,");
    }

    @Test
    void timestampsAreWrittenAsTheFormatterWritesThem() {
        DateTimeFormatter formatter = EntryCodec.TIMESTAMP;
        List<Instant> instants = new ArrayList<>(List.of(
                Instant.EPOCH,
                Instant.parse("2024-02-29T23:59:59.999999999Z"),
                Instant.parse("1000-01-01T00:00:00Z"),
                Instant.parse("0999-12-31T23:59:59.5Z"),
                Instant.parse("9999-12-31T23:59:59.999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-06-15T12:30:00.000001Z")));
        SplittableRandom random = new SplittableRandom(20261205);
        for (int i = 0; i < 10_000; i++) {
            instants.add(Instant.ofEpochSecond(
                    random.nextLong(-30_610_224_000L, 253_402_300_800L), random.nextInt(0, 1_000_000_000)));
        }
        for (Instant instant : instants) {
            assertThat(EntryCodec.timestamp(instant))
                    .as("%s", instant)
                    .isEqualTo(formatter.format(instant.truncatedTo(ChronoUnit.MICROS)));
        }
        assertThat(EntryCodec.timestamp(null)).isNull();
    }
}
