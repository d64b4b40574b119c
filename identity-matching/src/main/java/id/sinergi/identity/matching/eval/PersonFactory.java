package id.sinergi.identity.matching.eval;

import id.sinergi.identity.matching.Sex;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Makes the synthetic population: persons with unique NIKs and passports, plus their twins and relatives. */
final class PersonFactory {

    /** Women are the majority of placed workers (domestic work and care); the exact share is an assumption. */
    private static final double WOMEN = 0.6;

    /**
     * Rough weights of the provinces placed workers come from: Java, NTB and Lampung send most. An assumption made
     * so that names and districts crowd the way real exports do; every other province shares the remaining weight.
     */
    private static final Map<String, Double> PROVINCE_WEIGHTS = Map.of(
            "35", 25.0, "33", 22.0, "32", 18.0, "52", 10.0, "18", 5.0, "12", 3.0, "53", 3.0, "36", 2.0, "51", 1.0, "73",
            1.0);

    private static final double OTHER_PROVINCES_WEIGHT = 10.0;

    /** Placements by destination in 2023 (BP2MI via Databoks, /work/shared/data/pmi_placements_by_destination.csv). */
    private static final Map<String, Integer> DESTINATIONS = destinations();

    /** Indonesian passports issued from 12 October 2022 are valid for ten years instead of five. */
    private static final LocalDate TEN_YEAR_PASSPORTS = LocalDate.of(2022, 10, 12);

    private static final Set<String> NOT_ALONE =
            Set.of("Abdul", "Ni Luh", "Ni Made", "Nurul", "Made", "Wayan", "Komang");

    private static final DateTimeFormatter DDMMYY = DateTimeFormatter.ofPattern("ddMMyy");

    private final RegionCodes regions;
    private final GeneratorSettings settings;
    private final Random random;
    private final List<RegionCodes.District> weightedPool = new ArrayList<>();
    private final Map<String, Integer> lastSerial = new HashMap<>();
    private final Set<String> passportNumbers = new HashSet<>();

    PersonFactory(RegionCodes regions, GeneratorSettings settings, Random random) {
        this.regions = regions;
        this.settings = settings;
        this.random = random;
        buildDistrictPool();
    }

    /** Exactly {@code settings.persons()} persons, ids from 0, twins and relatives next to their counterpart. */
    List<Person> population() {
        List<Person> persons = new ArrayList<>();
        while (persons.size() < settings.persons()) {
            Person base = newPerson(persons.size());
            persons.add(base);
            if (persons.size() < settings.persons() && random.nextDouble() < settings.rate(Rate.TWINS)) {
                addRelated(persons, base, twin(persons.size(), base), Noise.TWIN);
            } else if (persons.size() < settings.persons() && random.nextDouble() < settings.rate(Rate.RELATIVES)) {
                addRelated(persons, base, relative(persons.size(), base), Noise.RELATIVE);
            }
        }
        return persons;
    }

    /** A fresh passport issued on or after a date, with a number no one else holds. */
    Person.Passport passportIssuedAfter(LocalDate earliest) {
        LocalDate latest = LocalDate.of(2026, 11, 30);
        LocalDate start = earliest.isAfter(latest) ? latest : earliest;
        LocalDate issued = start.plusDays(random.nextInt((int) (latest.toEpochDay() - start.toEpochDay()) + 1));
        LocalDate expiry = issued.plusYears(issued.isBefore(TEN_YEAR_PASSPORTS) ? 5 : 10);
        return new Person.Passport(newPassportNumber(), issued, expiry);
    }

    private void addRelated(List<Person> persons, Person base, Person other, Noise tag) {
        persons.set(base.id(), withRelation(base, other.id(), tag));
        persons.add(other);
    }

    private Person newPerson(int id) {
        Sex sex = random.nextDouble() < WOMEN ? Sex.F : Sex.M;
        LocalDate birthDate = birthDate();
        boolean retired = random.nextDouble() < settings.rate(Rate.RETIRED_DISTRICT);
        RegionCodes.District district = retired ? pick(regions.retired()) : pick(weightedPool);
        Names.Culture culture = Names.cultureOf(district.province(), random);
        boolean single = culture.singleNames() && random.nextDouble() < settings.rate(Rate.SINGLE_NAME);
        List<String> given = givenNames(culture, sex, single);
        boolean arabic = culture.arabicPrefixes();
        Set<Noise> tags = retired ? EnumSet.of(Noise.RETIRED_DISTRICT) : EnumSet.noneOf(Noise.class);
        return new Person(
                id,
                culture,
                sex,
                given,
                single ? null : familyFor(culture, given),
                fatherName(culture),
                title(culture, sex, birthDate),
                arabic && random.nextDouble() < settings.rate(Rate.WITH_FATHER),
                birthDate,
                district,
                nik(district, birthDate, sex, false),
                passportIssuedAfter(LocalDate.of(2018, 1, 1)),
                destination(),
                -1,
                tags);
    }

    /**
     * Same surname, sex, birth date, district and father; another given name, the next NIK serial. Twins of one sex
     * only: their NIKs then differ in the serial alone, the hardest negative there is.
     */
    private Person twin(int id, Person base) {
        return new Person(
                id,
                base.culture(),
                base.sex(),
                differentGivenNames(base, base.sex()),
                base.familyName(),
                base.fatherName(),
                null,
                base.showsFather(),
                base.birthDate(),
                base.district(),
                nik(base.district(), base.birthDate(), base.sex(), true),
                passportIssuedAfter(LocalDate.of(2018, 1, 1)),
                random.nextBoolean() ? base.destinationCountry() : destination(),
                base.id(),
                tagsOf(base, Noise.TWIN));
    }

    /** A cousin born the same day in the same regency: same surname and birth place, a district nearby. */
    private Person relative(int id, Person base) {
        Sex sex = random.nextBoolean() ? Sex.M : Sex.F;
        List<RegionCodes.District> nearby = regions.inRegency(base.district().regency());
        RegionCodes.District district = nearby.get(random.nextInt(nearby.size()));
        return new Person(
                id,
                base.culture(),
                sex,
                differentGivenNames(base, sex),
                base.familyName(),
                fatherName(base.culture()),
                null,
                false,
                base.birthDate(),
                district,
                nik(district, base.birthDate(), sex, false),
                passportIssuedAfter(LocalDate.of(2018, 1, 1)),
                destination(),
                base.id(),
                tagsOf(base, Noise.RELATIVE));
    }

    private Set<Noise> tagsOf(Person base, Noise tag) {
        Set<Noise> tags = EnumSet.of(tag);
        if (base.district().retired()) {
            tags.add(Noise.RETIRED_DISTRICT);
        }
        return tags;
    }

    private static Person withRelation(Person p, int other, Noise tag) {
        Set<Noise> tags = EnumSet.of(tag);
        tags.addAll(p.tags());
        return new Person(
                p.id(),
                p.culture(),
                p.sex(),
                p.givenNames(),
                p.familyName(),
                p.fatherName(),
                p.title(),
                p.showsFather(),
                p.birthDate(),
                p.district(),
                p.nik(),
                p.passport(),
                p.destinationCountry(),
                other,
                tags);
    }

    /** Workers are mostly 20 to 45 years old: the sum of two uniform draws peaks in the late 1980s. */
    private LocalDate birthDate() {
        int year = 1972 + random.nextInt(18) + random.nextInt(18);
        LocalDate first = LocalDate.of(year, 1, 1);
        return first.plusDays(random.nextInt(first.lengthOfYear()));
    }

    private List<String> givenNames(Names.Culture culture, Sex sex, boolean single) {
        List<String> pool = culture.given(sex);
        if (culture == Names.Culture.BALINESE) {
            String order = Names.pick(Names.BALINESE_ORDER, random);
            return sex == Sex.M
                    ? List.of("I", order, Names.pick(pool, random))
                    : List.of("Ni", random.nextBoolean() ? "Luh" : order, Names.pick(pool, random));
        }
        if (single) {
            String name;
            do {
                name = Names.pick(pool, random);
            } while (NOT_ALONE.contains(name));
            return List.of(name);
        }
        List<String> given = new ArrayList<>();
        if (culture.arabicPrefixes() && random.nextDouble() < settings.rate(sex == Sex.M ? Rate.MUHAMMAD : Rate.SITI)) {
            given.add(sex == Sex.M ? "Muhammad" : "Siti");
        }
        addDistinct(given, pool);
        if (random.nextDouble() < 0.25) {
            addDistinct(given, pool);
        }
        return List.copyOf(given);
    }

    /** A family name of the tradition that is not already one of the given names; none for Balinese names. */
    private String familyFor(Names.Culture culture, List<String> given) {
        if (culture.family().isEmpty()) {
            return null;
        }
        String family;
        do {
            family = Names.pick(culture.family(), random);
        } while (given.contains(family));
        return family;
    }

    /** Given names that share no name with the counterpart's, except common openings such as Siti or I Wayan. */
    private List<String> differentGivenNames(Person base, Sex sex) {
        boolean single = base.familyName() == null && base.givenNames().size() == 1;
        List<String> given;
        do {
            given = givenNames(base.culture(), sex, single);
        } while (sharesName(given, base.givenNames()));
        return given;
    }

    private static boolean sharesName(List<String> a, List<String> b) {
        for (String token : a) {
            if (!Names.SHARED_PREFIXES.contains(token) && b.contains(token)) {
                return true;
            }
        }
        return false;
    }

    private void addDistinct(List<String> given, List<String> pool) {
        String name;
        do {
            name = Names.pick(pool, random);
        } while (given.contains(name));
        given.add(name);
    }

    private String fatherName(Names.Culture culture) {
        String name;
        do {
            name = Names.pick(culture.given(Sex.M), random);
        } while (NOT_ALONE.contains(name));
        return name;
    }

    /** Hajj honorifics for older Muslims, otherwise a first degree; most persons have neither. */
    private String title(Names.Culture culture, Sex sex, LocalDate birthDate) {
        if (random.nextDouble() >= settings.rate(Rate.TITLED)) {
            return null;
        }
        if (culture.arabicPrefixes() && birthDate.getYear() < 1990) {
            return sex == Sex.M ? "H." : "Hj.";
        }
        return Names.pick(Names.DEGREES, random);
    }

    /**
     * District code, birth date as DDMMYY with 40 added to the day for women, and a serial. Serials count up per
     * district and date; real ones have gaps (people who are not workers), so a random step is added, except for a
     * twin, registered right after their sibling.
     */
    String nik(RegionCodes.District district, LocalDate birthDate, Sex sex, boolean nextSerial) {
        String date = DDMMYY.format(birthDate);
        if (sex == Sex.F) {
            date = String.format("%02d", birthDate.getDayOfMonth() + 40) + date.substring(2);
        }
        String prefix = district.code() + date;
        int last = lastSerial.getOrDefault(prefix, 0);
        int serial = nextSerial ? last + 1 : last + 1 + random.nextInt(last == 0 ? 12 : 6);
        lastSerial.put(prefix, serial);
        return prefix + String.format("%04d", serial);
    }

    private String newPassportNumber() {
        String number;
        do {
            number = "CEX".charAt(random.nextInt(3)) + String.format("%07d", random.nextInt(10_000_000));
        } while (!passportNumbers.add(number));
        return number;
    }

    private String destination() {
        int total = DESTINATIONS.values().stream().mapToInt(Integer::intValue).sum();
        int draw = random.nextInt(total);
        for (Map.Entry<String, Integer> e : DESTINATIONS.entrySet()) {
            draw -= e.getValue();
            if (draw < 0) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("unreachable: the draw is below the total");
    }

    /**
     * Repeats each current district in proportion to its province's weight divided by its number of districts, in
     * thousandths, so a uniform pick from the pool follows the province weights.
     */
    private void buildDistrictPool() {
        Map<String, List<RegionCodes.District>> byProvince = new LinkedHashMap<>();
        for (RegionCodes.District d : regions.current()) {
            byProvince.computeIfAbsent(d.province(), k -> new ArrayList<>()).add(d);
        }
        long others = byProvince.keySet().stream()
                .filter(p -> !PROVINCE_WEIGHTS.containsKey(p))
                .count();
        byProvince.forEach((province, districts) -> {
            double weight = PROVINCE_WEIGHTS.getOrDefault(province, OTHER_PROVINCES_WEIGHT / others);
            int copies = Math.max(1, (int) Math.round(weight * 1000 / districts.size()));
            for (RegionCodes.District d : districts) {
                for (int i = 0; i < copies; i++) {
                    weightedPool.add(d);
                }
            }
        });
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static Map<String, Integer> destinations() {
        Map<String, Integer> d = new LinkedHashMap<>();
        d.put("TW", 83_216);
        d.put("MY", 72_260);
        d.put("HK", 65_916);
        d.put("KR", 12_580);
        d.put("JP", 9_673);
        d.put("SG", 7_898);
        d.put("SA", 6_310);
        d.put("IT", 3_519);
        d.put("BN", 2_872);
        d.put("TR", 2_289);
        return d;
    }
}
