package id.sinergi.audit.retention;

import java.util.Map;

/**
 * What one run of the purge did.
 *
 * @param ran false when another replica was purging
 * @param statements retention statements recorded
 * @param expired entries whose payload was removed
 * @param kept entries a statement named but a hold kept (the claim taken back by a further statement)
 * @param held entries past their period that a hold keeps, per category
 * @param waiting a statement is not sealed yet and is carried out by the next run
 */
public record PurgeReport(
        boolean ran, int statements, long expired, long kept, Map<RetentionCategory, Long> held, boolean waiting) {

    static PurgeReport skipped() {
        return new PurgeReport(false, 0, 0, 0, Map.of(), false);
    }

    /** Entries past their period that a hold keeps, all categories. */
    public long heldTotal() {
        return held.values().stream().mapToLong(Long::longValue).sum();
    }
}
