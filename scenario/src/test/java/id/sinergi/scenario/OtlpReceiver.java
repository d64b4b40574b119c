package id.sinergi.scenario;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A small OTLP/HTTP trace receiver on 127.0.0.1 for the tests: takes {@code POST /v1/traces} with protobuf
 * bodies (ExportTraceServiceRequest, read by hand: only the fields the tests look at) and keeps every span.
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

        static final int SERVER = 2;
        static final int CLIENT = 3;
    }

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();

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

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in =
                    "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                            ? new GZIPInputStream(exchange.getRequestBody())
                            : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int status = 404;
            if ("POST".equals(exchange.getRequestMethod())
                    && exchange.getRequestURI().getPath().endsWith("/v1/traces")) {
                spans.addAll(exportRequest(new Wire(body, 0, body.length)));
                status = 200;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(status, -1);
        }
    }

    /** ExportTraceServiceRequest: resource_spans = 1. */
    private static List<Span> exportRequest(Wire w) {
        List<Span> out = new ArrayList<>();
        while (w.more()) {
            int tag = w.tag();
            if (tag >>> 3 == 1) {
                resourceSpans(w.message(), out);
            } else {
                w.skip(tag);
            }
        }
        return out;
    }

    /** ResourceSpans: resource = 1 (attributes = 1, service.name among them), scope_spans = 2 (spans = 2). */
    private static void resourceSpans(Wire w, List<Span> out) {
        String service = "";
        List<Wire> scopes = new ArrayList<>();
        while (w.more()) {
            int tag = w.tag();
            if (tag >>> 3 == 1) {
                Wire resource = w.message();
                while (resource.more()) {
                    int t = resource.tag();
                    if (t >>> 3 == 1) {
                        String[] kv = keyValue(resource.message());
                        if ("service.name".equals(kv[0])) {
                            service = kv[1];
                        }
                    } else {
                        resource.skip(t);
                    }
                }
            } else if (tag >>> 3 == 2) {
                scopes.add(w.message());
            } else {
                w.skip(tag);
            }
        }
        for (Wire scope : scopes) {
            while (scope.more()) {
                int tag = scope.tag();
                if (tag >>> 3 == 2) {
                    out.add(span(service, scope.message()));
                } else {
                    scope.skip(tag);
                }
            }
        }
    }

    /** Span: trace_id 1, span_id 2, parent_span_id 4, name 5, kind 6, attributes 9. */
    private static Span span(String service, Wire w) {
        HexFormat hex = HexFormat.of();
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        int kind = 0;
        List<String> values = new ArrayList<>();
        while (w.more()) {
            int tag = w.tag();
            switch (tag >>> 3) {
                case 1 -> traceId = hex.formatHex(w.bytes());
                case 2 -> spanId = hex.formatHex(w.bytes());
                case 4 -> parent = hex.formatHex(w.bytes());
                case 5 -> name = new String(w.bytes(), StandardCharsets.UTF_8);
                case 6 -> kind = (int) w.varint();
                case 9 -> values.add(keyValue(w.message())[1]);
                default -> w.skip(tag);
            }
        }
        return new Span(service, traceId, spanId, parent, name, kind, List.copyOf(values));
    }

    /** KeyValue: key 1, value 2 (AnyValue: string_value 1; other kinds read as empty). */
    private static String[] keyValue(Wire w) {
        String key = "";
        String value = "";
        while (w.more()) {
            int tag = w.tag();
            if (tag >>> 3 == 1) {
                key = new String(w.bytes(), StandardCharsets.UTF_8);
            } else if (tag >>> 3 == 2) {
                Wire any = w.message();
                while (any.more()) {
                    int t = any.tag();
                    if (t >>> 3 == 1) {
                        value = new String(any.bytes(), StandardCharsets.UTF_8);
                    } else {
                        any.skip(t);
                    }
                }
            } else {
                w.skip(tag);
            }
        }
        return new String[] {key, value};
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The protobuf wire format, just enough of it: varints, length-delimited fields, fixed 32 and 64 bits. */
    private static final class Wire {

        private final byte[] buf;
        private final int end;
        private int pos;

        Wire(byte[] buf, int from, int to) {
            this.buf = buf;
            this.pos = from;
            this.end = to;
        }

        boolean more() {
            return pos < end;
        }

        int tag() {
            return (int) varint();
        }

        long varint() {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = buf[pos++];
                value |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }

        byte[] bytes() {
            int length = (int) varint();
            byte[] out = java.util.Arrays.copyOfRange(buf, pos, pos + length);
            pos += length;
            return out;
        }

        Wire message() {
            int length = (int) varint();
            Wire sub = new Wire(buf, pos, pos + length);
            pos += length;
            return sub;
        }

        void skip(int tag) {
            switch (tag & 7) {
                case 0 -> varint();
                case 1 -> pos += 8;
                case 2 -> pos += (int) varint();
                case 5 -> pos += 4;
                default -> throw new IllegalStateException("unsupported protobuf wire type " + (tag & 7));
            }
        }
    }
}
