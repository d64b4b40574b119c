package id.sinergi.audit.proof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast scanner of entry lines against Jackson, on well-formed lines and on many broken ones. */
class ExportLineTest {

    private final JsonStrings strings = new JsonStrings();

    /** Whether the scanner's answer, where it gives one, is Jackson's. */
    private void assertAgrees(byte[] line) {
        ExportLine fast = ExportLine.scan(line, 0, line.length, strings);
        ExportLine slow;
        try {
            slow = ExportLine.jackson(line, 0, line.length);
        } catch (ExportLine.Malformed e) {
            assertThat(fast)
                    .as("the scanner took what Jackson refused (%s): %s", e.getMessage(), show(line))
                    .isNull();
            return;
        }
        if (fast != null) {
            String shown = show(line);
            assertThat(fast.type).as(shown).isEqualTo(slow.type);
            assertThat(fast.index).as(shown).isEqualTo(slow.index);
            assertThat(fast.leafHash).as(shown).isEqualTo(slow.leafHash);
            assertThat(fast.eventId).as(shown).isEqualTo(slow.eventId);
            assertThat(fast.entry).as(shown).isEqualTo(slow.entry);
            assertThat(fast.note).as(shown).isNull();
        }
    }

    private static String show(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }

    private static List<byte[]> wellFormed() throws IOException {
        List<byte[]> lines = new ArrayList<>();
        for (ObjectNode line : ExportFixture.of(200, 21).lines.subList(1, 201)) {
            lines.add(ExportFixture.JSON.writeValueAsBytes(line));
        }
        return lines;
    }

    @Test
    void theScannerReadsTheExportsOwnLinesAsJacksonDoes() throws IOException {
        for (byte[] line : wellFormed()) {
            assertThat(ExportLine.scan(line, 0, line.length, strings)).isNotNull();
            assertAgrees(line);
        }
    }

    @Test
    void unusualButValidLinesAreReadAlikeOrLeftToJackson() {
        String[] lines = {
            "{}",
            " { \"type\" : \"entry\" , \"index\" : 0 } ",
            "{\"type\":\"entry\",\"index\":-0,\"entry\":null,\"eventId\":null,\"leafHash\":null}",
            "{\"index\":7,\"index\":8}",
            "{\"index\":1.0}",
            "{\"index\":1e3}",
            "{\"index\":007}",
            "{\"index\":123456789012345678901234}",
            "{\"index\":\"3\"}",
            "{\"index\":true}",
            "{\"ind\\u0065x\":3}",
            "{\"other\":{\"nested\":[1,2]},\"index\":4}",
            "{\"eventId\":\"caf\u00e9\",\"index\":5}",
            "{\"eventId\":\"a\\\"b\",\"index\":5}",
            "{\"entry\":\"{\\\"x\\\":\\\"\\ud83d\\ude00 \u00e9 \\u00e9\\\"}\",\"index\":6}",
            "{\"entry\":\"lone \\ud800 surrogate\"}",
            "{\"entry\":\"\u00ed\u00a0\u0080\"}",
            "{\"type\":\"entry\"}{\"type\":\"entry\"}",
            "{\"type\":\"entry\",}",
            "{\"type\":\"entry\"",
            "{\"type\":nul}",
            "{\"type\":nullx}",
            "[1]",
            ""
        };
        for (String line : lines) {
            assertAgrees(line.getBytes(StandardCharsets.UTF_8));
        }
        byte[] badUtf8 = {'{', '"', 'e', 'n', 't', 'r', 'y', '"', ':', '"', (byte) 0xc3, '(', '"', '}'};
        assertAgrees(badUtf8);
        byte[] surrogateUtf8 = {
            '{', '"', 'e', 'n', 't', 'r', 'y', '"', ':', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}'
        };
        assertAgrees(surrogateUtf8);
    }

    @Test
    void brokenLinesAreNeverTakenWhereJacksonWouldRefuseThem() throws IOException {
        Random random = new Random(22);
        byte[] alphabet = "{}[]\":,\\ u0123456789abcdefnul-.eE\u00e9".getBytes(StandardCharsets.UTF_8);
        List<byte[]> lines = wellFormed();
        for (int round = 0; round < 20_000; round++) {
            byte[] line = lines.get(random.nextInt(lines.size())).clone();
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(line.length);
                switch (random.nextInt(4)) {
                    case 0 -> line[at] = alphabet[random.nextInt(alphabet.length)];
                    case 1 -> line[at] = (byte) random.nextInt(256);
                    case 2 -> {
                        byte[] shorter = new byte[line.length - 1];
                        System.arraycopy(line, 0, shorter, 0, at);
                        System.arraycopy(line, at + 1, shorter, at, line.length - at - 1);
                        line = shorter.length == 0 ? line : shorter;
                    }
                    default -> line = java.util.Arrays.copyOf(line, at + 1);
                }
            }
            assertAgrees(line);
        }
    }
}
