package id.sinergi.consent.domain;

import java.util.List;

/** The languages a consent may be captured in, as BCP-47 tags. */
public final class CaptureLanguages {

    /** Indonesian, the default. */
    public static final String DEFAULT = "id";

    /**
     * Indonesian, Javanese, Sundanese, Madurese, Malay, English, Chinese in traditional script (Hong Kong, Taiwan),
     * Arabic, Korean, Japanese.
     */
    public static final List<String> ALL = List.of("id", "jv", "su", "mad", "ms", "en", "zh-Hant", "ar", "ko", "ja");

    private CaptureLanguages() {}

    public static boolean isKnown(String tag) {
        return ALL.contains(tag);
    }
}
