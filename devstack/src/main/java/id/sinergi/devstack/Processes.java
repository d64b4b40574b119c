package id.sinergi.devstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Small helpers for the processes the devstack starts: free ports, readiness polling, tree shutdown. */
public final class Processes {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Processes() {}

    /** A TCP port on 127.0.0.1 that nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1", e);
        }
    }

    /** Whether something accepts TCP connections on 127.0.0.1:port. */
    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether a GET of the URL answers 200. */
    public static boolean answers200(String url) {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(3))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Waits until the condition holds, the process dies, or the timeout passes.
     *
     * @throws IllegalStateException when the process died or time ran out; the message names what and where its
     *     log is
     */
    public static void await(String what, Process process, Duration timeout, String logHint, BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(
                        what + " exited with code " + process.exitValue() + " before it was ready; see " + logHint);
            }
            if (ready.getAsBoolean()) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException(what + " was not ready after " + timeout.toSeconds() + " s; see " + logHint);
    }

    /** Stops a process and everything it started: SIGTERM first, SIGKILL after the grace period. */
    public static void stopTree(Process process, Duration grace) {
        if (process == null) {
            return;
        }
        ProcessHandle handle = process.toHandle();
        var descendants = handle.descendants().toList();
        handle.destroy();
        descendants.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(grace);
        while (Instant.now().isBefore(deadline)
                && (handle.isAlive() || descendants.stream().anyMatch(ProcessHandle::isAlive))) {
            sleep(Duration.ofMillis(200));
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
    }

    /** Waits {@code duration}; an interrupt ends the wait with an {@link IllegalStateException}, the flag kept. */
    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
