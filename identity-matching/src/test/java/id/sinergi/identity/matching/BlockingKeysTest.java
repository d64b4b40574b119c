package id.sinergi.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlockingKeysTest {

    private static final LocalDate BORN = LocalDate.of(1990, 3, 5);
    private static final String NIK = "3203014503900003";

    private static final MatchRecord KNOWN =
            new MatchRecord(NIK, "X1234567", "Muhammad Rizki Pratama", BORN, Sex.M, "Cianjur");

    private static MatchRecord withoutIds(String name, LocalDate born) {
        return new MatchRecord(null, null, name, born, Sex.M, "Cianjur");
    }

    private static boolean meet(MatchRecord a, MatchRecord b) {
        Set<String> shared = new HashSet<>(BlockingKeys.of(a));
        shared.retainAll(BlockingKeys.of(b));
        return !shared.isEmpty();
    }

    @Test
    void shouldMakeAtMostEightKeys() {
        assertThat(BlockingKeys.of(KNOWN)).hasSizeLessThanOrEqualTo(8);
    }

    @Test
    void shouldMeetTheSameNikWhateverElseDiffers() {
        MatchRecord other = new MatchRecord(NIK, null, "Budi", LocalDate.of(1970, 1, 1), Sex.M, null);

        assertThat(meet(other, KNOWN)).isTrue();
    }

    @Test
    void shouldMeetANikWithAWrongSerialDigitWhateverTheName() {
        MatchRecord other = new MatchRecord("3203014503900009", null, "Budi", BORN, Sex.M, null);

        assertThat(meet(other, KNOWN)).isTrue();
    }

    @Test
    void shouldMakeAtMostEightKeysForASingleName() {
        MatchRecord single = new MatchRecord(NIK, "X1234567", "Sukarno", BORN, Sex.M, "Blitar");

        assertThat(BlockingKeys.of(single)).hasSizeLessThanOrEqualTo(8);
    }

    @Test
    void shouldMeetASingleNameWhoseSoundCodeATypoChanged() {
        MatchRecord known = withoutIds("Lestari", BORN);

        assertThat(meet(withoutIds("Letsari", BORN), known)).isTrue();
        assertThat(meet(withoutIds("Lestaru", BORN), known)).isTrue();
    }

    @Test
    void shouldMeetAWrongMonthDigit() {
        assertThat(meet(withoutIds("Muhammad Rizki Pratama", LocalDate.of(1990, 8, 5)), KNOWN))
                .isTrue();
    }

    @Test
    void shouldMeetANikWithAWrongDateDigitAndANoisyName() {
        MatchRecord other = new MatchRecord("3203014593900003", null, "Rizqi Pratam", BORN, Sex.M, null);

        assertThat(meet(other, KNOWN)).isTrue();
    }

    @Test
    void shouldMeetTheSamePassport() {
        MatchRecord other = new MatchRecord(null, "X1234567", "Budi", LocalDate.of(1970, 1, 1), Sex.M, null);

        assertThat(meet(other, KNOWN)).isTrue();
    }

    @Test
    void shouldMeetATypoInTheMiddleName() {
        assertThat(meet(withoutIds("Muhammad Rixki Pratama", BORN), KNOWN)).isTrue();
    }

    @Test
    void shouldMeetATypoInTheFirstName() {
        assertThat(meet(withoutIds("Muhammat Rizki Pratama", BORN), KNOWN)).isTrue();
    }

    @Test
    void shouldMeetADroppedMiddleName() {
        assertThat(meet(withoutIds("M. Pratama", BORN), KNOWN)).isTrue();
    }

    @Test
    void shouldMeetSwappedGivenAndFamilyName() {
        assertThat(meet(withoutIds("Pratama Muhammad Rizki", BORN), KNOWN)).isTrue();
    }

    @Test
    void shouldMeetDayAndMonthSwapped() {
        assertThat(meet(withoutIds("Muhammad Rizki Pratama", LocalDate.of(1990, 5, 3)), KNOWN))
                .isTrue();
    }

    @Test
    void shouldMeetAWrongDayDigit() {
        assertThat(meet(withoutIds("Muhammad Rizki Pratama", LocalDate.of(1990, 3, 25)), KNOWN))
                .isTrue();
    }

    @Test
    void shouldMeetAWrongYearDigit() {
        assertThat(meet(withoutIds("Muhammad Rizki Pratama", LocalDate.of(1980, 3, 5)), KNOWN))
                .isTrue();
    }

    @Test
    void shouldNotMeetAnUnrelatedWorker() {
        MatchRecord other = new MatchRecord(
                "3374056011850002", "C7654321", "Siti Aminah", LocalDate.of(1985, 11, 20), Sex.F, "Semarang");

        assertThat(meet(other, KNOWN)).isFalse();
    }

    @Test
    void shouldHashTheSameKeyAlwaysTheSame() {
        assertThat(BlockingKeys.hash("nik:" + NIK)).isEqualTo(BlockingKeys.hash("nik:" + NIK));
        assertThat(BlockingKeys.hash("nik:" + NIK)).isNotEqualTo(BlockingKeys.hash("nd:" + NIK));
    }

    @Test
    void shouldHashWithTheFirstEightBytesOfSha256() throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest("pp:X1".getBytes("UTF-8"));

        long expected = java.nio.ByteBuffer.wrap(digest, 0, 8).getLong();
        assertThat(BlockingKeys.hash("pp:X1")).isEqualTo(expected);
    }

    @Test
    void shouldGiveSortedDistinctHashes() {
        long[] hashes = BlockingKeys.hashes(KNOWN);

        assertThat(hashes)
                .isSorted()
                .doesNotHaveDuplicates()
                .hasSize(BlockingKeys.of(KNOWN).size());
    }
}
