package id.sinergi.scenario;

import java.util.Locale;
import java.util.Random;

/** The ways one Indonesian name comes out differently in another system: typos, variant and old spellings. */
final class NameVariants {

    private NameVariants() {}

    /** The name as another clerk or the worker might type it. */
    static String vary(String name, Random random) {
        if (name.startsWith("Muhammad")) {
            String[] forms = {"Muhamad", "Mohammad", "Moh.", "M."};
            return forms[random.nextInt(forms.length)] + name.substring("Muhammad".length());
        }
        return switch (random.nextInt(4)) {
            case 0 -> oldSpelling(name);
            case 1 -> swapAdjacent(name, random);
            case 2 -> dropLetter(name, random);
            default -> name.toUpperCase(Locale.ROOT);
        };
    }

    /** Van Ophuijsen-era spellings that persist in names: u→oe, j→dj, c→tj, y→j. */
    static String oldSpelling(String name) {
        String old =
                name.replace("u", "oe").replace("j", "dj").replace("c", "tj").replace("y", "j");
        return old.equals(name) ? name + " " : old;
    }

    private static String swapAdjacent(String name, Random random) {
        if (name.length() < 3) {
            return name + name.charAt(name.length() - 1);
        }
        int i = 1 + random.nextInt(name.length() - 2);
        char[] chars = name.toCharArray();
        char c = chars[i];
        chars[i] = chars[i + 1];
        chars[i + 1] = c;
        return new String(chars);
    }

    private static String dropLetter(String name, Random random) {
        if (name.length() < 4) {
            return name;
        }
        int i = 1 + random.nextInt(name.length() - 2);
        return name.substring(0, i) + name.substring(i + 1);
    }
}
