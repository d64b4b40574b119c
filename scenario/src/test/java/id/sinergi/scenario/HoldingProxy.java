package id.sinergi.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * A TCP proxy on 127.0.0.1 in front of one server on 127.0.0.1, which can hold back what clients send: while it
 * holds, every chunk a client sends waits in the proxy until {@link #release()}, as a server that stopped answering
 * would look to its clients. It counts the chunks clients sent, so a test can tell whether a call reached it at all.
 */
final class HoldingProxy implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HoldingProxy.class.getName());

    private final ServerSocket listener;
    private final int targetPort;
    private final Object gate = new Object();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private boolean holding;
    private boolean closed;
    private int held;
    private long arrived;

    private HoldingProxy(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
    }

    /** Listens on a free port of 127.0.0.1 and passes everything on to {@code 127.0.0.1:targetPort}. */
    static HoldingProxy start(int targetPort) {
        try {
            ServerSocket listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            HoldingProxy proxy = new HoldingProxy(listener, targetPort);
            Thread accept = new Thread(proxy::acceptLoop, "holding-proxy-accept");
            accept.setDaemon(true);
            accept.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the proxy's port", e);
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    /** From now on, what clients send waits in the proxy. */
    void hold() {
        synchronized (gate) {
            holding = true;
        }
    }

    /** Lets what waits, and everything after it, through to the server. */
    void release() {
        synchronized (gate) {
            holding = false;
            gate.notifyAll();
        }
    }

    /** How many chunks wait in the proxy now. */
    int held() {
        synchronized (gate) {
            return held;
        }
    }

    /** How many chunks clients have sent to the proxy so far, held or passed on. */
    long arrived() {
        synchronized (gate) {
            return arrived;
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5000);
                sockets.add(client);
                sockets.add(server);
                pump(client, server, true);
                pump(server, client, false);
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    LOG.warning("proxy connection failed: " + e.getMessage());
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                            if (fromClient && !admit()) {
                                return;
                            }
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // One side went away: the other is closed below, as a real connection would be.
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                fromClient ? "holding-proxy-up" : "holding-proxy-down");
        thread.setDaemon(true);
        thread.start();
    }

    /** Counts a chunk from a client and waits while the proxy holds; false once the proxy is closed. */
    private boolean admit() {
        synchronized (gate) {
            arrived++;
            held++;
            try {
                while (holding && !closed) {
                    gate.wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                held--;
            }
            return !closed;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() {
        synchronized (gate) {
            closed = true;
            gate.notifyAll();
        }
        try {
            listener.close();
        } catch (IOException e) {
            // already gone
        }
        sockets.forEach(HoldingProxy::closeQuietly);
    }
}
