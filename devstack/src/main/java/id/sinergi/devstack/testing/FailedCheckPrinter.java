package id.sinergi.devstack.testing;

import io.restassured.config.LogConfig;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.filter.log.LogDetail;
import io.restassured.internal.print.RequestPrinter;
import io.restassured.internal.print.ResponsePrinter;
import io.restassured.listener.ResponseValidationFailureListener;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.RequestSpecification;
import io.restassured.specification.ResponseSpecification;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * Prints the request and response of a failed RestAssured check, with the headers the request's {@link LogConfig}
 * blacklists shown as {@code [ BLACKLISTED ]}: as a filter it notes each request as it is sent, as a failure
 * listener it prints the last one with the response that failed.
 *
 * <p>{@code Authorization} is always among them. RestAssured's own logging on failure, which Quarkus switches on
 * by default ({@code quarkus.test.rest-assured.enable-logging-on-failure}), starts from a fresh {@link LogConfig}
 * without the blacklist and prints the token in clear; and failure listeners are not told the request, hence
 * the two roles.
 */
final class FailedCheckPrinter implements Filter, ResponseValidationFailureListener {

    /** A request as sent, already printed, and the log settings it was sent with. */
    private record Sent(String printed, LogConfig log) {}

    private static final ThreadLocal<Sent> LAST = new ThreadLocal<>();

    /** The blacklisted headers of these log settings, and the bearer token's header in any case. */
    private static Set<String> hidden(LogConfig log) {
        Set<String> headers = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        headers.addAll(log.blacklistedHeaders());
        headers.add("Authorization");
        return headers;
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification expected, FilterContext context) {
        LogConfig log = request.getConfig().getLogConfig();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        RequestPrinter.print(request, request.getMethod(), request.getURI(), LogDetail.ALL, hidden(log), out, true);
        LAST.set(new Sent(buffer.toString(StandardCharsets.UTF_8), log));
        return context.next(request, expected);
    }

    @Override
    public void onFailure(RequestSpecification request, ResponseSpecification expected, Response response) {
        Sent sent = LAST.get();
        if (sent == null) {
            return;
        }
        PrintStream out = sent.log().defaultStream();
        out.print(sent.printed());
        out.println();
        ResponsePrinter.print(
                response, response, out, LogDetail.ALL, true, sent.log().blacklistedHeaders());
    }
}
