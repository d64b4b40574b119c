package id.sinergi.common.rest;

/**
 * Path templates the resources share, so that a segment that is no id, such as a literal sibling path, finds no
 * resource (404, or 405 where another method serves it) instead of failing as a malformed id (400).
 */
public final class PathTemplates {

    /** A UUID in either case, as {@code UUID.fromString} reads it: the pattern of every id segment. */
    public static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    /** The path segment {@code {id}}, matching a UUID only; other ids are {@code "{name: " + UUID + "}"}. */
    public static final String UUID_ID = "{id: " + UUID + "}";

    private PathTemplates() {}
}
