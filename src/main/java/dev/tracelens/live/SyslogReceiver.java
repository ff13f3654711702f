package dev.tracelens.live;

import dev.tracelens.archive.Problem;
import dev.tracelens.archive.RowHandler;
import dev.tracelens.archive.RowView;
import dev.tracelens.archive.SyslogMessages;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receives syslog (RFC 3164 and RFC 5424) on UDP and TCP addresses and puts every row into a
 * {@link RowQueue}: a datagram is one message, a TCP stream is cut into frames by
 * {@link TcpFramer}; each message is read by the archive's syslog parser
 * ({@link SyslogMessages}), one row per line, the sender's address as host when the message
 * names none. One thread per UDP socket, one per TCP listener and one virtual thread per
 * connection; the queue, not the receiver, bounds what is held.
 */
public final class SyslogReceiver implements AutoCloseable {
    /** Longest message kept; a longer one is cut (UDP cannot carry more than 64 KiB anyway). */
    public static final int DEFAULT_MAX_MESSAGE = 256 * 1024;
    private static final int UDP_SENDERS = 1024;
    private static final int UDP_BUFFER = 8 << 20;

    private final List<ListenAddress> addresses;
    private final RowQueue queue;
    private final int maxMessage;
    private final List<AutoCloseable> sockets = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<ListenAddress> bound = new ArrayList<>();
    private final Map<Socket, Boolean> connections = new ConcurrentHashMap<>();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong cutMessages = new AtomicLong();
    private volatile boolean closed;

    public SyslogReceiver(List<ListenAddress> addresses, RowQueue queue, int maxMessage) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no address to listen on");
        }
        this.addresses = List.copyOf(addresses);
        this.queue = queue;
        this.maxMessage = maxMessage;
    }

    public SyslogReceiver(List<ListenAddress> addresses, RowQueue queue) {
        this(addresses, queue, DEFAULT_MAX_MESSAGE);
    }

    /** Binds every address (all or none) and starts receiving. */
    public synchronized void start() throws IOException {
        try {
            for (ListenAddress a : addresses) {
                if (a.protocol() == ListenAddress.Protocol.UDP) {
                    DatagramSocket s = new DatagramSocket(null);
                    s.setReceiveBufferSize(UDP_BUFFER);
                    s.bind(a.socketAddress());
                    sockets.add(s);
                    bound.add(new ListenAddress(a.protocol(), a.host(), s.getLocalPort()));
                    threads.add(Thread.ofPlatform().daemon().name("syslog " + a).start(() -> udp(s)));
                } else {
                    ServerSocket s = new ServerSocket();
                    s.setReuseAddress(true);
                    s.bind(a.socketAddress());
                    sockets.add(s);
                    bound.add(new ListenAddress(a.protocol(), a.host(), s.getLocalPort()));
                    threads.add(Thread.ofPlatform().daemon().name("syslog " + a).start(() -> tcp(s)));
                }
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw new IOException("Cannot listen on " + describe(e) + ": " + e.getMessage(), e);
        }
    }

    private String describe(Exception e) {
        return addresses.get(Math.min(bound.size(), addresses.size() - 1)).toString();
    }

    /** The addresses as bound (a port 0 replaced by the port taken). */
    public synchronized List<ListenAddress> boundAddresses() {
        return List.copyOf(bound);
    }

    /** Syslog messages received (a message may make several rows). */
    public long messages() {
        return messages.get();
    }

    /** Messages longer than the limit, kept cut. */
    public long cutMessages() {
        return cutMessages.get();
    }

    /** TCP connections open now. */
    public int connections() {
        return connections.size();
    }

    private void udp(DatagramSocket socket) {
        byte[] buffer = new byte[65_536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        Map<String, Reader> senders = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Reader> eldest) {
                return size() > UDP_SENDERS;
            }
        };
        while (!closed) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
            } catch (IOException e) {
                if (closed || socket.isClosed()) {
                    return;
                }
                continue;
            }
            String ip = packet.getAddress().getHostAddress();
            Reader reader = senders.computeIfAbsent(ip, Reader::new);
            int n = Math.min(packet.getLength(), maxMessage);
            if (n < packet.getLength()) {
                cutMessages.incrementAndGet();
            }
            reader.message(buffer, n, true);
        }
    }

    private void tcp(ServerSocket server) {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (closed || server.isClosed()) {
                    return;
                }
                continue;
            }
            connections.put(socket, Boolean.TRUE);
            Thread.ofVirtual().name("syslog from " + socket.getRemoteSocketAddress()).start(() -> connection(socket));
        }
    }

    private void connection(Socket socket) {
        String ip = socket.getInetAddress().getHostAddress();
        Reader reader = new Reader(ip);
        TcpFramer framer = new TcpFramer(maxMessage, (a, length, message, cut) -> {
            if (cut) {
                cutMessages.incrementAndGet();
            }
            reader.message(a, length, message);
        });
        try (socket; InputStream in = socket.getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                framer.accept(buffer, 0, n);
            }
            framer.finish();
        } catch (SocketException e) {
            framer.finish(); // reset by the peer or closed by us: what was framed is kept
        } catch (IOException e) {
            // the connection broke; rows received before are kept
        } finally {
            connections.remove(socket);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (AutoCloseable s : sockets) {
            try {
                s.close();
            } catch (Exception e) {
                // closing anyway
            }
        }
        for (Socket s : connections.keySet()) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        for (Thread t : threads) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        sockets.clear();
        threads.clear();
    }

    /** One sender's messages into rows for the queue. */
    private final class Reader implements RowHandler {
        private final String ip;
        private final SyslogMessages parser;
        private int priority = -1;
        private long receivedMillis;

        Reader(String ip) {
            this.ip = ip;
            this.parser = new SyslogMessages(ip, maxMessage);
        }

        void message(byte[] a, int length, boolean newMessage) {
            while (length > 0 && (a[length - 1] == 0 || a[length - 1] == '\n' || a[length - 1] == '\r')) {
                length--; // Python's handler ends a datagram with a NUL, some senders with a line end
            }
            receivedMillis = System.currentTimeMillis();
            if (newMessage) {
                messages.incrementAndGet();
                priority = SyslogMessages.priority(a, 0, length);
                parser.message(a, 0, length, receivedMillis, this);
            } else {
                parser.continuation(a, 0, length, receivedMillis, this);
            }
        }

        @Override
        public void onRow(RowView row) {
            queue.offer(new LiveRow(0, row.timestampMillis(), receivedMillis, row.source().host(), ip,
                    LiveRow.facilityOf(priority), LiveRow.severityOf(priority), row.source().program(),
                    row.message()));
        }

        @Override
        public void onProblem(Problem problem) {
            // invalid UTF-8 is kept as U+FFFD and NUL bytes stay in the row, as in a file
        }
    }

    /** For messages in tests: the first bound address of a protocol. */
    public InetSocketAddress address(ListenAddress.Protocol protocol) {
        for (ListenAddress a : boundAddresses()) {
            if (a.protocol() == protocol) {
                return a.socketAddress();
            }
        }
        throw new IllegalStateException("not listening on " + protocol);
    }
}
