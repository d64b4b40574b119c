package id.sinergi.identity.matching.eval;

import id.sinergi.identity.matching.Sex;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Writes a person down the way one source would: the first record as the registry knows them, later ones with the
 * noise of another clerk, another form, another passport. Every change is labelled.
 */
final class RecordMaker {

    /** The day the exports are taken: fixed, so that a seed always gives the same phases. */
    static final LocalDate EXPORT_DATE = LocalDate.of(2026, 12, 1);

    private final GeneratorSettings settings;
    private final Random random;
    private final RegionCodes regions;
    private final PersonFactory persons;
    private final Placements placements;

    RecordMaker(GeneratorSettings settings, Random random, RegionCodes regions, PersonFactory persons) {
        this.settings = settings;
        this.random = random;
        this.regions = regions;
        this.persons = persons;
        this.placements = new Placements(random);
    }

    /** A row before it gets its source record id, with the person it belongs to and what was done to it. */
    record Draft(ExportRow row, int personId, Set<Noise> noise) {}

    /**
     * One record of a person in a source.
     *
     * @param repeat whether an earlier record of the person exists (noise applies)
     * @param sameSource whether that earlier record is in the same source (a re-registration: new passport)
     */
    Draft make(Person person, String source, boolean repeat, boolean sameSource) {
        Set<Noise> noise = EnumSet.noneOf(Noise.class);
        noise.addAll(person.tags());
        boolean peduli = ExportRow.PEDULI_WNI.equals(source);
        String fullName = fullName(person, peduli, repeat, noise);
        LocalDate birthDate = repeat ? birthDate(person.birthDate(), noise) : person.birthDate();
        String birthPlace = birthPlace(person, peduli, repeat, noise);
        String nik = nik(person, peduli, repeat, noise);
        // A record needs a NIK or a passport (identity-service refuses one with neither): a Peduli WNI record
        // without a NIK always has its passport.
        Person.Passport passport = passport(person, peduli && nik != null, repeat, sameSource, noise);
        // SISKOP2MI always holds a passport: a placement needs one, and departure follows its issue.
        ExportRow.Placement placement = peduli ? null : placements.next(person, passport.issued());
        String phase = peduli ? peduliPhase() : Placements.phase(placement, EXPORT_DATE);
        ExportRow row = new ExportRow(
                source,
                null,
                nik,
                passport == null ? null : new ExportRow.Passport(passport.number(), "IDN", passport.expiry()),
                fullName,
                birthDate,
                birthPlace,
                person.sex(),
                person.destinationCountry(),
                phase,
                placement);
        return new Draft(row, person.id(), noise);
    }

    private String fullName(Person person, boolean peduli, boolean repeat, Set<Noise> noise) {
        List<String> tokens = person.nameTokens();
        String title = person.title();
        boolean father = person.showsFather();
        if (repeat) {
            tokens = apply(tokens, Rate.SPELLING_VARIANT, Noise.SPELLING_VARIANT, noise, NameNoise::spellingVariant);
            tokens = apply(tokens, Rate.NAME_SWAP, Noise.NAME_SWAPPED, noise, (t, r) -> NameNoise.swap(t));
            tokens = apply(tokens, Rate.NAME_TYPO, Noise.NAME_TYPO, noise, NameNoise::typo);
            tokens = apply(tokens, Rate.NAME_TRANSPOSITION, Noise.NAME_TRANSPOSITION, noise, NameNoise::transposition);
            if (chance(Rate.TITLE)) {
                noise.add(title == null ? Noise.TITLE_ADDED : Noise.TITLE_DROPPED);
                title = title == null ? newTitle(person) : null;
            }
            // bin/binti belongs to Muslim naming; Balinese, Batak or eastern records never write it.
            if (person.culture().arabicPrefixes() && chance(Rate.BIN_BINTI)) {
                noise.add(father ? Noise.BIN_BINTI_DROPPED : Noise.BIN_BINTI_ADDED);
                father = !father;
            }
        }
        if (peduli && tokens.size() == 1 && chance(Rate.MONONYM_REPEATED)) {
            tokens = List.of(tokens.get(0), tokens.get(0));
            noise.add(Noise.MONONYM_REPEATED);
        }
        String connector = father ? (person.sex() == Sex.M ? "bin" : "binti") : null;
        String name = NameNoise.render(tokens, title, connector, person.fatherName());
        if (peduli && chance(Rate.PEDULI_CASE)) {
            noise.add(Noise.NAME_CASE);
            return random.nextInt(4) == 0 ? name.toLowerCase(Locale.ROOT) : name.toUpperCase(Locale.ROOT);
        }
        return name;
    }

    /** A name change, applied with its rate when possible, labelled only when it changed something. */
    private interface NameChange {
        List<String> change(List<String> tokens, Random random);
    }

    private List<String> apply(List<String> tokens, Rate rate, Noise label, Set<Noise> noise, NameChange change) {
        if (!chance(rate)) {
            return tokens;
        }
        List<String> changed = change.change(tokens, random);
        if (changed == null || changed.equals(tokens)) {
            return tokens;
        }
        noise.add(label);
        return List.copyOf(changed);
    }

    private String newTitle(Person person) {
        if (person.culture().arabicPrefixes() && random.nextBoolean()) {
            return person.sex() == Sex.M ? "H." : "Hj.";
        }
        return Names.pick(Names.DEGREES, random);
    }

    private LocalDate birthDate(LocalDate date, Set<Noise> noise) {
        LocalDate out = date;
        if (chance(Rate.DAY_MONTH_SWAP) && out.getDayOfMonth() <= 12 && out.getDayOfMonth() != out.getMonthValue()) {
            out = LocalDate.of(out.getYear(), out.getDayOfMonth(), out.getMonthValue());
            noise.add(Noise.DAY_MONTH_SWAPPED);
        }
        if (chance(Rate.DATE_TYPO)) {
            LocalDate typo = dateTypo(out);
            if (typo != null) {
                out = typo;
                noise.add(Noise.DATE_TYPO);
            }
        }
        return out;
    }

    /** One digit of DDMMYYYY typed wrong, kept only when it still names a real date in a plausible year. */
    private LocalDate dateTypo(LocalDate date) {
        String digits = String.format("%02d%02d%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
        for (int attempt = 0; attempt < 50; attempt++) {
            int at = random.nextInt(digits.length());
            char digit = (char) ('0' + random.nextInt(10));
            if (digit == digits.charAt(at)) {
                continue;
            }
            String typed = digits.substring(0, at) + digit + digits.substring(at + 1);
            LocalDate parsed = parseDdMmYyyy(typed);
            if (parsed != null && parsed.getYear() >= 1940 && parsed.getYear() <= 2010) {
                return parsed;
            }
        }
        return null;
    }

    private static LocalDate parseDdMmYyyy(String digits) {
        try {
            return LocalDate.of(
                    Integer.parseInt(digits.substring(4)),
                    Integer.parseInt(digits.substring(2, 4)),
                    Integer.parseInt(digits.substring(0, 2)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private String birthPlace(Person person, boolean peduli, boolean repeat, Set<Noise> noise) {
        boolean missing =
                (peduli && chance(Rate.PEDULI_BIRTH_PLACE_MISSING)) || (repeat && chance(Rate.BIRTH_PLACE_MISSING));
        if (missing) {
            noise.add(Noise.BIRTH_PLACE_MISSING);
            return null;
        }
        String place = person.district().regencyName();
        if (repeat && chance(Rate.BIRTH_PLACE_VARIANT)) {
            noise.add(Noise.BIRTH_PLACE_VARIANT);
            return placeVariant(place);
        }
        return place;
    }

    /** "Kabupaten Malang" as "Malang", "Kab. Malang" or "KAB. MALANG"; "Kota Surabaya" as "Surabaya". */
    private String placeVariant(String place) {
        String bare = place.replaceFirst("^(Kabupaten|Kota Administrasi|Kota) ", "");
        List<String> options = new ArrayList<>();
        options.add(bare);
        if (place.startsWith("Kabupaten ")) {
            options.add("Kab. " + bare);
            options.add("KAB. " + bare.toUpperCase(Locale.ROOT));
        } else {
            options.add(place.toUpperCase(Locale.ROOT));
        }
        return options.get(random.nextInt(options.size()));
    }

    private String nik(Person person, boolean peduli, boolean repeat, Set<Noise> noise) {
        if (chance(peduli ? Rate.PEDULI_NIK_MISSING : Rate.SISKOP_NIK_MISSING)) {
            noise.add(Noise.NIK_MISSING);
            return null;
        }
        if (repeat && chance(Rate.NIK_TYPO)) {
            String typo = nikTypo(person.nik());
            if (typo != null) {
                noise.add(Noise.NIK_TYPO);
                return typo;
            }
        }
        return person.nik();
    }

    /**
     * One digit typed wrong. Only typos that still pass identity-service's NIK validation are made: the others are
     * rejected at intake and never reach the matcher, so they would measure nothing.
     */
    private String nikTypo(String nik) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int at = random.nextInt(nik.length());
            char digit = (char) ('0' + random.nextInt(10));
            String typed = nik.substring(0, at) + digit + nik.substring(at + 1);
            if (digit != nik.charAt(at) && NikStructure.isValid(typed, regions)) {
                return typed;
            }
        }
        return null;
    }

    private Person.Passport passport(
            Person person, boolean mayOmit, boolean repeat, boolean sameSource, Set<Noise> noise) {
        if (mayOmit && chance(Rate.PEDULI_PASSPORT_MISSING)) {
            noise.add(Noise.PASSPORT_MISSING);
            return null;
        }
        Person.Passport passport = person.passport();
        if (repeat && (sameSource || chance(Rate.NEW_PASSPORT))) {
            passport = persons.passportIssuedAfter(passport.issued().plusYears(1));
            noise.add(Noise.NEW_PASSPORT);
        }
        return passport;
    }

    /** Peduli WNI registrations are made abroad; a few are updated after the worker came home. */
    private String peduliPhase() {
        return random.nextDouble() < 0.08 ? "RETURNED" : "ABROAD";
    }

    private boolean chance(Rate rate) {
        return random.nextDouble() < settings.rate(rate);
    }
}
