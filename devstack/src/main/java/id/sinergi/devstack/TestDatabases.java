package id.sinergi.devstack;

/**
 * Test database names: {@code SINERGI_TEST_DATABASE_SUFFIX} (e.g. {@code _wt2}), when set, is appended to each, so
 * that test runs of two work trees on one PostgreSQL server do not clean each other's schema mid-run.
 */
public final class TestDatabases {

    private TestDatabases() {}

    /** The suffix, checked; empty when unset. */
    public static String suffix() {
        String suffix = System.getenv().getOrDefault("SINERGI_TEST_DATABASE_SUFFIX", "");
        if (!suffix.matches("[a-z0-9_]{0,16}")) {
            throw new IllegalArgumentException("SINERGI_TEST_DATABASE_SUFFIX must be up to 16 of a-z, 0-9 and _");
        }
        return suffix;
    }
}
