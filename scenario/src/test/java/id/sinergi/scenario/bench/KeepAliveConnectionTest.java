package id.sinergi.scenario.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class KeepAliveConnectionTest {

    /** A server on 127.0.0.1 that answers each request on one connection with the next of these answers. */
    private static ServerSocket server(List<String> answers, List<String> requests) throws Exception {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            try (Socket s = server.accept()) {
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = s.getOutputStream();
                for (String answer : answers) {
                    StringBuilder head = new StringBuilder();
                    int length = 0;
                    for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
                        head.append(line).append('\n');
                        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    char[] body = new char[length];
                    int read = 0;
                    while (read < length) {
                        read += in.read(body, read, length - read);
                    }
                    requests.add(head + new String(body));
                    out.write(answer.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (Exception e) {
                requests.add("server failed: " + e);
            }
        });
        thread.setDaemon(true);
        thread.start();
        return server;
    }

    @Test
    void shouldReadAnswersOfKnownLengthAndChunkedOnOneConnection() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        try (ServerSocket server = server(
                        List.of(
                                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n"
                                        + "{\"ok\":true}",
                                "HTTP/1.1 403 Forbidden\r\nTransfer-Encoding: chunked\r\n\r\n"
                                        + "4\r\n{\"a\"\r\n3;x=y\r\n:1}\r\n0\r\n\r\n"),
                        requests);
                KeepAliveConnection c = new KeepAliveConnection("127.0.0.1", server.getLocalPort())) {
            KeepAliveConnection.Answer first = c.postJson("/api/x", "t0k", "[1]".getBytes(StandardCharsets.UTF_8));
            KeepAliveConnection.Answer second = c.postJson("/api/y", "t0k", "{}".getBytes(StandardCharsets.UTF_8));

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.text()).isEqualTo("{\"ok\":true}");
            assertThat(second.status()).isEqualTo(403);
            assertThat(second.text()).isEqualTo("{\"a\":1}");
            assertThat(requests).hasSize(2);
            assertThat(requests.get(0))
                    .startsWith("POST /api/x HTTP/1.1")
                    .contains("Authorization: Bearer t0k")
                    .endsWith("[1]");
            assertThat(requests.get(1)).startsWith("POST /api/y HTTP/1.1").endsWith("{}");
        }
    }
}
