package id.sinergi.audit.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Links between the console's pages, their query parameters encoded. */
final class Links {

    private Links() {}

    /** The path with the parameters that have a value, e.g. {@code /console/alert?id=…}. */
    static String of(String path, Map<String, ?> params) {
        String query = params.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().toString().isBlank())
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue().toString()))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? path : path + "?" + query;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
