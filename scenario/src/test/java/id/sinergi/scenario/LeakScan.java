package id.sinergi.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks for known secrets in text: NIKs (also written with separators), passport numbers (in any case), tokens (the
 * whole token, or a JWT's payload or signature alone) and client secrets. A finding names where and what kind, never
 * the value.
 */
final class LeakScan {

    /** Digits, with single spaces, dots or dashes between them, as a NIK may be written. */
    private static final Pattern DIGITS = Pattern.compile("\\d(?:[ .\\-]?\\d)*");

    private static final Pattern ALNUM = Pattern.compile("[A-Za-z0-9]+");

    /** A run of base64url characters: a whole opaque token, or one part of a JWT. */
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_\\-]{16,}");

    /** The shortest NIK the scan looks for: shorter digit strings are too common to tell anything. */
    private static final int MIN_NIK = 10;

    /** Where a secret was found, and of what kind. */
    record Finding(String where, long line, String kind) {
        @Override
        public String toString() {
            return where + ":" + line + " " + kind;
        }
    }

    private final Set<String> niks = new HashSet<>();
    private final Set<Integer> nikLengths = new TreeSet<>();
    private final Set<String> passports = new HashSet<>();
    private final Set<String> tokenParts = new HashSet<>();
    private final Set<String> secrets = new HashSet<>();

    /** A NIK as it was sent, with or without separators. */
    void nik(String nik) {
        String digits = nik == null ? "" : nik.replaceAll("\\D", "");
        if (digits.length() >= MIN_NIK) {
            niks.add(digits);
            nikLengths.add(digits.length());
        }
    }

    void passport(String number) {
        String normal =
                number == null ? "" : number.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        if (normal.length() >= 6) {
            passports.add(normal);
        }
    }

    /** A token: a JWT's payload and signature each count alone; an opaque token whole. */
    void token(String token) {
        String[] parts = token.split("\\.");
        if (parts.length == 3) {
            tokenParts.add(parts[1]);
            tokenParts.add(parts[2]);
        } else if (token.length() >= 16) {
            tokenParts.add(token);
        }
    }

    /** A secret that is looked for as it is, such as a client secret. */
    void secret(String value) {
        secrets.add(value);
    }

    int niks() {
        return niks.size();
    }

    int passports() {
        return passports.size();
    }

    int tokens() {
        return tokenParts.size();
    }

    int secrets() {
        return secrets.size();
    }

    /** Every line of the file; a missing file is a finding of its own. */
    List<Finding> scan(Path file) {
        List<Finding> findings = new ArrayList<>();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            long[] number = {0};
            lines.forEach(line -> findings.addAll(scanLine(file.toString(), ++number[0], line)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return findings;
    }

    /** Every line of a text that is not a file: a URL, an answer's body. */
    List<Finding> scan(String where, String text) {
        List<Finding> findings = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            findings.addAll(scanLine(where, i + 1, lines[i]));
        }
        return findings;
    }

    private List<Finding> scanLine(String where, long number, String line) {
        Set<String> kinds = new TreeSet<>();
        Matcher digits = DIGITS.matcher(line);
        while (digits.find()) {
            String run = digits.group().replaceAll("[ .\\-]", "");
            for (int length : nikLengths) {
                for (int i = 0; i + length <= run.length(); i++) {
                    if (niks.contains(run.substring(i, i + length))) {
                        kinds.add("NIK");
                    }
                }
            }
        }
        Matcher words = ALNUM.matcher(line);
        while (words.find()) {
            if (passports.contains(words.group().toUpperCase(Locale.ROOT))) {
                kinds.add("passport number");
            }
        }
        Matcher runs = BASE64URL.matcher(line);
        while (runs.find()) {
            if (tokenParts.contains(runs.group())) {
                kinds.add("token");
            }
        }
        for (String secret : secrets) {
            if (line.contains(secret)) {
                kinds.add("client secret");
            }
        }
        return kinds.stream().map(k -> new Finding(where, number, k)).toList();
    }
}
