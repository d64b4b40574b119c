package id.sinergi.identity.linking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.identity.domain.SourceRecord;
import id.sinergi.identity.matching.BlockingKeys;
import id.sinergi.identity.matching.FieldScore;
import id.sinergi.identity.matching.MatchRecord;
import id.sinergi.identity.matching.MatchScorer;
import id.sinergi.identity.matching.MatchSettings;
import id.sinergi.identity.matching.WorkerMatcher;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;

/**
 * The matcher as this service runs it: the library's rules with the overrides from configuration (every
 * {@code sinergi.matching.*} property, e.g. {@code sinergi.matching.match-threshold}), and a version that names
 * the rules a decision was taken under.
 */
@ApplicationScoped
@Startup
public class MatchEngine {

    static final String PREFIX = "sinergi.matching.";

    private final MatchSettings settings;
    private final WorkerMatcher<UUID> matcher;
    private final String rulesVersion;
    private final ObjectMapper json;

    @Inject
    public MatchEngine(Config config, ObjectMapper json) {
        Map<String, String> overrides = overrides(config);
        this.settings = MatchSettings.defaults().with(overrides);
        this.matcher = new WorkerMatcher<>(new MatchScorer(settings));
        this.rulesVersion = versionOf(settings.asProperties());
        this.json = json;
        Log.infof("event=matching-rules version=%s overrides=%s", rulesVersion, overrides.keySet());
    }

    private static Map<String, String> overrides(Config config) {
        Map<String, String> overrides = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(v -> overrides.put(name.substring(PREFIX.length()), v));
            }
        }
        return overrides;
    }

    /** {@code rules-} and the first 12 hex digits of the SHA-256 of the effective settings, sorted by key. */
    static String versionOf(Map<String, String> properties) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(properties)
                .forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return "rules-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public WorkerMatcher<UUID> matcher() {
        return matcher;
    }

    public MatchSettings settings() {
        return settings;
    }

    public String rulesVersion() {
        return rulesVersion;
    }

    public static MatchRecord recordOf(SourceRecord r) {
        return recordOf(r, null);
    }

    /** The record as the matcher sees it, with its worker's NIK where the record has none (set by promotion). */
    public static MatchRecord recordOf(SourceRecord r, String workerNik) {
        String nik = r.nik != null ? r.nik : workerNik;
        return new MatchRecord(nik, r.passportNumber, r.fullName, r.birthDate, r.sex, r.birthPlace);
    }

    public static long[] keysOf(SourceRecord r) {
        return BlockingKeys.hashes(recordOf(r));
    }

    /** The per-field scores as stored JSON. */
    public String explain(List<FieldScore> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a match explanation", e);
        }
    }
}
