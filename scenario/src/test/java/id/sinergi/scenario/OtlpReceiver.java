package id.sinergi.scenario;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * A small OTLP/HTTP trace receiver on 127.0.0.1 for the tests: takes {@code POST /v1/traces} with protobuf bodies
 * (ExportTraceServiceRequest, parsed with the OpenTelemetry protocol's own classes) and keeps every span. A body it
 * cannot parse is answered 400 and counted, so that a test can tell a lost export from a span never sent.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One received span; ids in lower-case hex, {@code parentSpanId} empty at a trace's root. */
    record Span(
            String service,
            String traceId,
            String spanId,
            String parentSpanId,
            String name,
            int kind,
            List<String> attributeValues) {

        static final int SERVER = io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_SERVER_VALUE;
        static final int CLIENT = io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CLIENT_VALUE;
    }

    private static final HexFormat HEX = HexFormat.of();

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();
    private final AtomicInteger rejected = new AtomicInteger();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the OTLP receiver", e);
        }
    }

    /** The base URL the services export to ({@code quarkus.otel.exporter.otlp.endpoint}). */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Span> spans() {
        return List.copyOf(spans);
    }

    /** How many export requests could not be parsed. */
    int rejected() {
        return rejected.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = 404;
            if ("POST".equals(exchange.getRequestMethod())
                    && exchange.getRequestURI().getPath().endsWith("/v1/traces")) {
                status = receive(exchange);
            } else {
                exchange.getRequestBody().readAllBytes();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private int receive(HttpExchange exchange) {
        boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        try (InputStream in = gzip ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(in);
            for (ResourceSpans resource : request.getResourceSpansList()) {
                String service = resource.getResource().getAttributesList().stream()
                        .filter(kv -> kv.getKey().equals("service.name"))
                        .map(kv -> kv.getValue().getStringValue())
                        .findFirst()
                        .orElse("");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    scope.getSpansList().forEach(s -> spans.add(span(service, s)));
                }
            }
            return 200;
        } catch (IOException | RuntimeException e) {
            rejected.incrementAndGet();
            return 400;
        }
    }

    private static Span span(String service, io.opentelemetry.proto.trace.v1.Span s) {
        List<String> values = s.getAttributesList().stream()
                .map(KeyValue::getValue)
                .filter(AnyValue::hasStringValue)
                .map(AnyValue::getStringValue)
                .toList();
        return new Span(
                service,
                HEX.formatHex(s.getTraceId().toByteArray()),
                HEX.formatHex(s.getSpanId().toByteArray()),
                HEX.formatHex(s.getParentSpanId().toByteArray()),
                s.getName(),
                s.getKindValue(),
                values);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
