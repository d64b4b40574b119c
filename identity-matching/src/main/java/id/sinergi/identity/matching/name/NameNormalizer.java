package id.sinergi.identity.matching.name;

import java.util.List;

/** Normalises Indonesian names the way they vary between documents. */
public final class NameNormalizer {

    private NameNormalizer() {}

    /** The comparable form of a full name; an empty name for null or blank input. */
    public static NormalizedName normalize(String fullName) {
        return new NormalizedName(List.of(), List.of());
    }
}
