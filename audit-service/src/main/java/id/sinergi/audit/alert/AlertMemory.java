package id.sinergi.audit.alert;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The officers the alert scanner remembers between scans ({@link OfficerMemory}), least recently seen first. The
 * memory stands for the tables as they were after the scan that last brought it to its cursor: it is valid only
 * while that cursor is the greatest {@code alert_scan.up_to_leaf}, i.e. while this replica made every scan since.
 */
final class AlertMemory {

    /** The cursor of a memory that matches no scan. */
    static final long NONE = Long.MIN_VALUE;

    private final int maxOfficers;
    private final int maxEvents;
    private final LinkedHashMap<String, OfficerMemory> officers = new LinkedHashMap<>(16, 0.75f, true);
    private long cursor = NONE;
    private long events;

    AlertMemory(int maxOfficers, int maxEvents) {
        this.maxOfficers = maxOfficers;
        this.maxEvents = maxEvents;
    }

    /** Whether anything may be remembered at all. */
    boolean enabled() {
        return maxOfficers > 0 && maxEvents > 0;
    }

    /**
     * At the start of a scan, with the cursor read under the scanner's lock: when the memory was not brought to
     * that cursor (another replica scanned, or this one did not see a scan of its own commit), forgets every
     * officer. Gives how many it forgot.
     */
    synchronized int moveTo(long scanCursor) {
        if (cursor == scanCursor) {
            return 0;
        }
        int dropped = officers.size();
        clear();
        cursor = scanCursor;
        return dropped;
    }

    /** The officer's memory, or null; marks them seen. */
    synchronized OfficerMemory get(String subject) {
        return officers.get(subject);
    }

    /**
     * Once a scan from {@code from} to {@code upTo} committed: keeps what it made of its officers (null forgets
     * one) and drops the least recently seen beyond the limits. Gives false, having forgotten everyone, when the
     * memory was no longer at {@code from} (a scan that ran in between).
     */
    synchronized boolean apply(long from, long upTo, Map<String, OfficerMemory> changes) {
        if (cursor != from) {
            clear();
            return false;
        }
        changes.forEach((subject, memory) -> {
            OfficerMemory old = memory == null ? officers.remove(subject) : officers.put(subject, memory);
            events += (memory == null ? 0 : memory.size()) - (old == null ? 0 : old.size());
        });
        Iterator<OfficerMemory> eldest = officers.values().iterator();
        while ((officers.size() > maxOfficers || events > maxEvents) && eldest.hasNext()) {
            events -= eldest.next().size();
            eldest.remove();
        }
        cursor = upTo;
        return true;
    }

    /** Forgets one officer: their next new events are evaluated on the database's. */
    synchronized void forget(String subject) {
        OfficerMemory old = officers.remove(subject);
        events -= old == null ? 0 : old.size();
    }

    /** The scan that last read the officer from the database, or null when the officer is not remembered. */
    synchronized Long loadedAt(String subject) {
        OfficerMemory memory = officers.get(subject);
        return memory == null ? null : memory.loadedAt;
    }

    /** The greatest leaf of the scan the memory stands for ({@link #NONE} when none). */
    synchronized long cursor() {
        return cursor;
    }

    /** How many officers are remembered. */
    synchronized int officers() {
        return officers.size();
    }

    /** How many events and windows are remembered. */
    synchronized long events() {
        return events;
    }

    private void clear() {
        officers.clear();
        events = 0;
        cursor = NONE;
    }
}
