package id.sinergi.devstack.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bare HTTP/1.1 client over a socket to 127.0.0.1, one connection per request: unlike the JDK's and
 * RestAssured's clients it sends a request target, header values and a body exactly as given (a path with
 * {@code %00} or {@code ../}, a header value with non-ASCII bytes, a Content-Type that is no media type), which a
 * fuzzer needs. The response is read until the server closes the connection.
 */
public final class RawHttp {

    /**
     * A response: status, headers with lower-case names, the body (chunked transfer coding undone), and the statuses
     * of the interim responses before it (100 Continue).
     */
    public record Response(int status, Map<String, String> headers, String body, List<Integer> interim) {

        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    private static final int TIMEOUT_MILLIS = 60_000;

    private RawHttp() {}

    /** Sends one request to 127.0.0.1:{@code port}; {@code body} may be null (then no Content-Length). */
    public static Response send(
            int port, String method, String target, List<Map.Entry<String, String>> headers, byte[] body)
            throws IOException {
        String length = body == null ? "" : "Content-Length: " + body.length + "\r\n";
        return exchange(port, head(port, method, target, headers) + length + "\r\n", body, 0);
    }

    /**
     * POSTs a JSON body with a bearer token. For bodies over a service's limit: the service answers 413 and closes
     * before it has read them, which RestAssured reports as a broken pipe (now and then) instead of the answer.
     */
    public static Response postJson(int port, String target, String token, String json) throws IOException {
        return send(
                port,
                "POST",
                target,
                List.of(Map.entry("Authorization", "Bearer " + token), Map.entry("Content-Type", "application/json")),
                json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends one request whose body goes in chunks of {@code chunkSize} bytes ({@code Transfer-Encoding: chunked}),
     * so the server learns its size only as it reads it.
     */
    public static Response sendChunked(
            int port, String method, String target, List<Map.Entry<String, String>> headers, byte[] body, int chunkSize)
            throws IOException {
        return exchange(
                port, head(port, method, target, headers) + "Transfer-Encoding: chunked\r\n\r\n", body, chunkSize);
    }

    private static String head(int port, String method, String target, List<Map.Entry<String, String>> headers) {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: 127.0.0.1:").append(port).append("\r\n");
        headers.forEach(
                h -> head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
        return head.append("Connection: close\r\n").toString();
    }

    /** Writes the head and the body (in chunks when {@code chunkSize > 0}), then reads the whole response. */
    private static Response exchange(int port, String head, byte[] body, int chunkSize) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.getBytes(StandardCharsets.UTF_8));
                if (chunkSize > 0) {
                    writeChunks(out, body == null ? new byte[0] : body, chunkSize);
                } else if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before it has read the whole body; its answer still counts.
            }
            return parse(readAll(socket.getInputStream()));
        }
    }

    private static void writeChunks(OutputStream out, byte[] body, int chunkSize) throws IOException {
        for (int at = 0; at < body.length; at += chunkSize) {
            int size = Math.min(chunkSize, body.length - at);
            out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, size);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (IOException e) {
            if (all.size() == 0) {
                throw e;
            }
            // A reset after the response (the server closing on an unread body) leaves the response intact.
        }
        return all.toByteArray();
    }

    private static Response parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        List<Integer> interim = new ArrayList<>();
        while (end > 0 && text.startsWith("HTTP/1.1 1")) {
            interim.add(Integer.parseInt(text.substring(9, 12)));
            raw = Arrays.copyOfRange(raw, end + 4, raw.length);
            text = text.substring(end + 4);
            end = text.indexOf("\r\n\r\n");
        }
        if (end < 0) {
            throw new IOException("no complete HTTP response head in " + raw.length + " bytes");
        }
        String[] lines = text.substring(0, end).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        if (headers.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked")) {
            body = unchunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8), List.copyOf(interim));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < text.length()) {
            int lineEnd = text.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            String sizeField = text.substring(at, lineEnd).split(";", 2)[0].strip();
            int size = sizeField.isEmpty() ? 0 : Integer.parseInt(sizeField, 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            int stop = Math.min(start + size, chunked.length);
            out.write(chunked, start, stop - start);
            at = stop + 2;
        }
        return out.toByteArray();
    }
}
