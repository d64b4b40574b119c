package id.sinergi.common.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CleanTextTest {

    /** The rule in code points: no unpaired surrogate, no control but tab, line feed and carriage return. */
    private static boolean cleanByCodePoints(String value) {
        return value.codePoints()
                .noneMatch(cp -> (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)
                        || (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r')
                        || cp == 0x7F);
    }

    @Test
    void shouldJudgeEveryCharacterAloneAsTheRuleInCodePoints() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String one = String.valueOf((char) c);
            assertThat(CleanText.isClean(one)).as("U+%04X", c).isEqualTo(cleanByCodePoints(one));
            String inText = "ab" + (char) c + "cd";
            assertThat(CleanText.isClean(inText)).as("U+%04X in text", c).isEqualTo(cleanByCodePoints(inText));
        }
    }

    @Test
    void shouldJudgeMixedTextAsTheRuleInCodePoints() {
        char[] parts = {
            'a', ' ', '~', '\t', '\n', '\r', 0, 0x1F, 0x7F, 0x80, 'Ñ', '\uD83D', '\uDE00', '\uDBFF', '\uDC00'
        };
        Random random = new Random(20261205);
        int clean = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(6);
            for (int i = 0; i < length; i++) {
                text.append(parts[random.nextInt(parts.length)]);
            }
            String value = text.toString();
            boolean expected = cleanByCodePoints(value);
            assertThat(CleanText.isClean(value))
                    .as("%s", value.chars().boxed().toList())
                    .isEqualTo(expected);
            clean += expected ? 1 : 0;
        }
        // Both verdicts occur often enough for the comparison to mean something.
        assertThat(clean).isBetween(10_000, 190_000);
        assertThat(CleanText.isClean("Ña\u0301 O'Brien \uD83D\uDE00\r\n")).isTrue();
    }
}
