package io.nanoclaw.admin.restart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for NanoClaw's host on a Unix socket, like {@code src/cli/socket-server.ts}: per connection it reads one
 * line, records it, answers as told and closes. Every wait is bounded, and {@link #close()} stops it and removes the
 * socket file.
 */
public final class FakeHost implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private final Path socket;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final LinkedBlockingQueue<String> requests = new LinkedBlockingQueue<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<SocketChannel> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger connectionCount = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile UnaryOperator<String> answer = FakeHost.ok("{\"restarted\":0,\"rebuilt\":false}");

    private FakeHost(Path socket) throws IOException {
        this.socket = socket;
        Files.createDirectories(socket.getParent());
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        this.acceptor = new Thread(this::accept, "fake-nanoclaw-host");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on {@code socket}; answers ok with {@code restarted: 0} until told otherwise. */
    public static FakeHost listen(Path socket) throws IOException {
        return new FakeHost(socket);
    }

    /** {@code {"id":<the request's>,"ok":true,"data":<data>}}. */
    public static UnaryOperator<String> ok(String dataJson) {
        return request -> "{\"id\":" + JSON.writeValueAsString(idOf(request)) + ",\"ok\":true,\"data\":" + dataJson
                + "}\n";
    }

    /** {@code {"id":<the request's>,"ok":false,"error":{"code":…,"message":…}}}. */
    static UnaryOperator<String> refuse(String code, String message) {
        return request -> "{\"id\":" + JSON.writeValueAsString(idOf(request)) + ",\"ok\":false,\"error\":{\"code\":"
                + JSON.writeValueAsString(code) + ",\"message\":" + JSON.writeValueAsString(message) + "}}\n";
    }

    /** Exactly these bytes, whatever was asked. */
    static UnaryOperator<String> raw(String text) {
        return request -> text;
    }

    /** Closes the connection without a word. */
    static UnaryOperator<String> closeWithoutAnswer() {
        return request -> null;
    }

    public FakeHost answering(UnaryOperator<String> answer) {
        this.answer = answer;
        return this;
    }

    /** Takes the request and never answers (until closed). */
    FakeHost hanging() {
        this.answer = request -> {
            try {
                closed.await(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        };
        return this;
    }

    /** The next request line received, waiting at most a few seconds; null if none came. */
    String nextRequest() throws InterruptedException {
        return requests.poll(5, TimeUnit.SECONDS);
    }

    /** Every request line received so far. */
    public List<String> received() {
        return List.copyOf(received);
    }

    /** Connections accepted, with or without a request. */
    int connections() {
        return connectionCount.get();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        closed.countDown();
        server.close();
        for (SocketChannel connection : connections) {
            connection.close();
        }
        acceptor.join(MAX_WAIT.toMillis());
        Files.deleteIfExists(socket);
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel connection = server.accept();
                connectionCount.incrementAndGet();
                connections.add(connection);
                Thread handler = new Thread(() -> handle(connection), "fake-nanoclaw-host-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(SocketChannel connection) {
        try (connection) {
            String line = readLine(connection);
            if (line == null) {
                return;
            }
            received.add(line);
            requests.add(line);
            String reply = answer.apply(line);
            if (reply != null) {
                ByteBuffer bytes = ByteBuffer.wrap(reply.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    connection.write(bytes);
                }
            }
        } catch (IOException e) {
            // the client went away or the test closed us: nothing to answer
        }
    }

    /** One line without its newline; null when the client closed first (a connect-and-close probe). */
    private static String readLine(SocketChannel connection) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (line.size() < 1024 * 1024) {
            one.clear();
            if (connection.read(one) < 0) {
                return null;
            }
            if (one.get(0) == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(one.get(0));
        }
        return null;
    }

    private static String idOf(String request) {
        return JSON.readTree(request).path("id").stringValue();
    }
}
