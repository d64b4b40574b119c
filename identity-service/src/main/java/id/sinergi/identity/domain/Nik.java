package id.sinergi.identity.domain;

import id.sinergi.identity.matching.Sex;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a valid NIK's digits say about its holder. Holds no NIK itself, so it cannot leak one through a log line.
 *
 * @param districtCode digits 1–6: the district (kecamatan) where the number was issued
 * @param sex from digits 7–8: a day above 40 means a woman
 * @param birthDateCandidates the real dates, not after today, that digits 7–12 can stand for; the century is not
 *     encoded, so there may be two (19YY and 20YY), oldest first
 * @param serial digits 13–16
 */
public record Nik(String districtCode, Sex sex, List<LocalDate> birthDateCandidates, String serial) {

    public Nik {
        birthDateCandidates = List.copyOf(birthDateCandidates);
    }

    /** The flags a source's declared birth date and sex earn against this NIK. */
    public Set<WorkerFlag> flagsAgainst(LocalDate declaredBirthDate, Sex declaredSex) {
        Set<WorkerFlag> flags = EnumSet.noneOf(WorkerFlag.class);
        if (!birthDateCandidates.contains(declaredBirthDate)) {
            flags.add(WorkerFlag.NIK_BIRTH_DATE_MISMATCH);
        }
        if (sex != declaredSex) {
            flags.add(WorkerFlag.NIK_SEX_MISMATCH);
        }
        return flags;
    }
}
