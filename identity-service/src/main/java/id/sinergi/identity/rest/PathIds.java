package id.sinergi.identity.rest;

/**
 * Path templates for ids: only a UUID matches, so a literal path beside {@code /{id}} (say {@code /search} or
 * {@code /provisional}) is never read as a malformed id.
 */
final class PathIds {

    static final String ID = "{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    private PathIds() {}
}
