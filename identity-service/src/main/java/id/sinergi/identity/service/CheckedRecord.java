package id.sinergi.identity.service;

import id.sinergi.identity.domain.Nik;
import id.sinergi.identity.domain.WorkerFlag;
import java.util.EnumSet;
import java.util.Set;

/**
 * A registration that passed the checks, with what they found that does not reject it.
 *
 * @param nik the decoded NIK, or null when the record has none
 * @param flags findings about this record alone, e.g. a NIK whose date disagrees with the declared birth date
 */
public record CheckedRecord(Nik nik, Set<WorkerFlag> flags) {

    public CheckedRecord {
        flags = flags.isEmpty() ? EnumSet.noneOf(WorkerFlag.class) : EnumSet.copyOf(flags);
    }
}
