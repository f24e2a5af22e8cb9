package io.nanoclaw.admin.restart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.nanoclaw.admin.install.InstallLayout;
import io.nanoclaw.admin.install.InstallMode;

/**
 * NanoClaw's own control socket, {@code data/ncl.sock} under the install root ({@code src/cli/socket-server.ts}): per
 * connection one request line out, one answer line back, then the host closes. Connecting is the only authentication
 * and requests run as the host. Only an attached install has one: the embedded demo has no host.
 *
 * <p>Every step (connect, send, answer) shares one deadline, and an answer is read up to {@value #MAX_ANSWER_BYTES}
 * bytes: a host that hangs or talks too much never holds a request thread for long.
 */
@Component
@org.springframework.boot.context.properties.EnableConfigurationProperties(HostSocketProperties.class)
public class HostSocket {

    static final int MAX_ANSWER_BYTES = 64 * 1024;
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final Path socket;
    private final Duration timeout;
    private final int maxAnswerBytes;

    @Autowired
    public HostSocket(InstallLayout install, HostSocketProperties properties) {
        this(install, properties.hostSocketTimeout());
    }

    HostSocket(InstallLayout install, Duration timeout) {
        this(install.mode() == InstallMode.ATTACHED ? install.root().resolve("data").resolve("ncl.sock") : null,
                timeout, MAX_ANSWER_BYTES);
    }

    /** A socket at {@code socket}, or no host at all when it is null. */
    HostSocket(Path socket, Duration timeout, int maxAnswerBytes) {
        this.socket = socket;
        this.timeout = timeout;
        this.maxAnswerBytes = maxAnswerBytes;
    }

    /** Where the socket is; empty for the embedded demo. */
    public Optional<Path> path() {
        return Optional.ofNullable(socket);
    }

    /**
     * Whether a host listens: the socket file exists and takes a connection, which is closed at once without a request
     * (the host's server reads lines only, so a connection that sends none does nothing). Never throws.
     */
    public boolean running() {
        if (socket == null || !Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX); Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            connect(channel, selector, deadline(PROBE_TIMEOUT));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Sends {@code {"id":<uuid>,"command":…,"args":{…}}} and returns the host's answer, ok or not.
     *
     * @throws HostNotRunningException when no host listens (nothing was sent)
     * @throws HostNoAnswerException when the host cannot be reached or gives no usable answer in time
     */
    public HostAnswer send(String command, Map<String, String> args) {
        if (socket == null) {
            throw new HostNotRunningException("This is the embedded demo: it has no NanoClaw host, so there are no"
                    + " containers to restart. Changes take effect at the next spawn.");
        }
        if (!Files.exists(socket)) {
            throw noSocketFile();
        }
        String id = UUID.randomUUID().toString();
        byte[] frame = NclFrames.request(id, command, args);
        long deadline = deadline(timeout);
        boolean sent = false;
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX); Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            connect(channel, selector, deadline);
            // No shutdownOutput() after the line: the host's server does not allow half-open connections, it would
            // end the connection before its answer is written.
            write(channel, selector, ByteBuffer.wrap(frame), deadline);
            sent = true;
            return NclFrames.answer(readLine(channel, selector, deadline), id);
        } catch (IOException e) {
            throw new HostNoAnswerException((sent
                    ? "The connection to NanoClaw's host broke before it answered; it may or may not have acted on the"
                            + " request: "
                    : "The connection to NanoClaw's host broke before it took the request: ") + e.getMessage(), sent, e);
        }
    }

    private void connect(SocketChannel channel, Selector selector, long deadline) throws IOException {
        try {
            if (!channel.connect(UnixDomainSocketAddress.of(socket))) {
                while (!channel.finishConnect()) {
                    await(channel, selector, SelectionKey.OP_CONNECT, deadline, () -> new HostNoAnswerException(
                            "NanoClaw's host did not accept a connection on " + socket + " within " + seconds(timeout)
                                    + "; nothing was sent.", false));
                }
            }
        } catch (ConnectException e) {
            throw new HostNotRunningException("NanoClaw's host is not running (or still starting): " + socket
                    + " is there but nobody listens on it. Nothing was restarted; changes take effect at the next spawn.");
        } catch (SocketException e) {
            if (!Files.exists(socket)) {
                throw noSocketFile();
            }
            throw new HostNoAnswerException("Cannot connect to " + socket + ": " + e.getMessage() + ". NanoClaw makes"
                    + " the socket mode 0600, so this service must run as the user that runs the host.", false, e);
        }
    }

    private void write(SocketChannel channel, Selector selector, ByteBuffer frame, long deadline) throws IOException {
        while (frame.hasRemaining()) {
            if (channel.write(frame) == 0) {
                await(channel, selector, SelectionKey.OP_WRITE, deadline, () -> new HostNoAnswerException(
                        "NanoClaw's host did not take the request within " + seconds(timeout) + ".", false));
            }
        }
    }

    private String readLine(SocketChannel channel, Selector selector, long deadline) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        while (true) {
            buffer.clear();
            int read = channel.read(buffer);
            if (read < 0) {
                throw new HostNoAnswerException(line.size() == 0
                        ? "NanoClaw's host closed the connection without answering; it may or may not have acted on"
                                + " the request."
                        : "NanoClaw's host closed the connection in the middle of its answer; it may or may not have"
                                + " acted on the request.", true);
            }
            if (read == 0) {
                await(channel, selector, SelectionKey.OP_READ, deadline, () -> new HostNoAnswerException(
                        "NanoClaw's host took the request but did not answer within " + seconds(timeout) + ". It may"
                                + " still be working on it: look before you try again.", true));
                continue;
            }
            for (int i = 0; i < read; i++) {
                byte b = buffer.get(i);
                if (b == '\n') {
                    return line.toString(StandardCharsets.UTF_8);
                }
                if (line.size() == maxAnswerBytes) {
                    throw new HostNoAnswerException("NanoClaw's host answered with more than " + maxAnswerBytes
                            + " bytes in one line; the answer was not read. It may or may not have acted on the"
                            + " request.", true);
                }
                line.write(b);
            }
        }
    }

    /** Waits until the channel is ready for {@code op}, or throws {@code late} at the deadline. */
    private static void await(SocketChannel channel, Selector selector, int op, long deadline,
            Supplier<HostNoAnswerException> late) throws IOException {
        SelectionKey key = channel.keyFor(selector);
        if (key == null) {
            channel.register(selector, op);
        } else {
            key.interestOps(op);
        }
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw late.get();
            }
            int ready = selector.select(left);
            selector.selectedKeys().clear();
            if (ready > 0) {
                return;
            }
        }
    }

    private HostNotRunningException noSocketFile() {
        return new HostNotRunningException("NanoClaw's host is not running: there is no " + socket + " (the host"
                + " creates it as its last start-up step). Nothing was restarted; changes take effect at the next spawn.");
    }

    private static long deadline(Duration timeout) {
        return System.nanoTime() + timeout.toNanos();
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
