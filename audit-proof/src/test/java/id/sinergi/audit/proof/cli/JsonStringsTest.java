package id.sinergi.audit.proof.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonStringsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Text of code points drawn from ASCII, escapes, Latin, CJK, astral planes and lone surrogates. */
    private static String randomText(Random random) {
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(7)) {
                case 0 -> sb.append((char) (0x20 + random.nextInt(0x5f)));
                case 1 -> sb.append("\"\\/\b\f\n\r\t".charAt(random.nextInt(8)));
                case 2 -> sb.append((char) random.nextInt(0x20));
                case 3 -> sb.append((char) (0xa0 + random.nextInt(0x700)));
                case 4 -> sb.append((char) (0x4e00 + random.nextInt(0x5000)));
                case 5 -> sb.appendCodePoint(0x10000 + random.nextInt(0xf0000));
                default -> sb.append((char) (0xd800 + random.nextInt(0x800)));
            }
        }
        return sb.toString();
    }

    @Test
    void decodesToTheBytesJavaWouldEncodeForEveryKindOfCharacter() throws Exception {
        Random random = new Random(11);
        JsonStrings strings = new JsonStrings();
        for (int round = 0; round < 5_000; round++) {
            String text = randomText(random);
            // Jackson's own writing, and the same text with every character as a \\u escape.
            String written = JSON.writeValueAsString(text);
            StringBuilder escaped = new StringBuilder("\"");
            text.chars().forEach(c -> escaped.append(String.format("\\u%04x", c)));
            escaped.append('"');
            for (String json : new String[] {written, escaped.toString()}) {
                byte[] in = ("{\"entry\":" + json + ",\"x\":1}").getBytes(StandardCharsets.UTF_8);
                assertThat(strings.utf8(in, 9, in.length))
                        .as("%s", json)
                        .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void malformedStringsAreRefused() {
        JsonStrings strings = new JsonStrings();
        for (String bad :
                new String[] {"\"open", "\"bad \\x escape\"", "\"\\u12\"", "\"\\uzzzz\"", "\"tab\there\"", "x"}) {
            byte[] in = bad.getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> strings.utf8(in, 0, in.length))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
