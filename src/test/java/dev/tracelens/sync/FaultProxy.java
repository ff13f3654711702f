package dev.tracelens.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP proxy in front of s3proxy that injects the faults S3 has in real life: it can
 * answer 503 SlowDown or 500 to the next requests, cut a GET body off mid-way, or hold a body
 * until released. One request per connection ({@code Connection: close}), so faults hit exactly
 * the request they target. Requests are forwarded byte for byte, so SigV4 signatures stay valid.
 */
public final class FaultProxy implements AutoCloseable {
    private final int upstreamPort;
    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<String> requestLines = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong getBodyBytes = new AtomicLong();

    private volatile String faultMatch = "";
    private final AtomicInteger errorsLeft = new AtomicInteger();
    private volatile int errorStatus;
    private volatile String errorCode;

    private final AtomicInteger dropsLeft = new AtomicInteger();
    private volatile long dropAfter;

    private final AtomicInteger stallsLeft = new AtomicInteger();
    private volatile long stallAfter;
    private volatile String stallMatch = "";
    private volatile CountDownLatch stallRelease = new CountDownLatch(0);

    public FaultProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.submit(this::acceptLoop);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Answers the next {@code n} requests whose request line contains {@code match} with an S3 error. */
    public void failNext(int n, int status, String code, String match) {
        this.errorStatus = status;
        this.errorCode = code;
        this.faultMatch = match;
        errorsLeft.set(n);
    }

    /** Cuts the body of the next {@code n} GETs with a body off after {@code afterBytes}. */
    public void dropNextGets(int n, long afterBytes) {
        dropAfter = afterBytes;
        dropsLeft.set(n);
    }

    /** Holds the next GET body after {@code afterBytes} until {@link #releaseStalls()}, then cuts it. */
    public void stallNextGet(long afterBytes) {
        stallNextGet(afterBytes, "");
    }

    /** The same for the next GET whose request line contains {@code match}. */
    public void stallNextGet(long afterBytes, String match) {
        stallMatch = match;
        stallRelease = new CountDownLatch(1);
        stallAfter = afterBytes;
        stallsLeft.set(1);
    }

    public void releaseStalls() {
        stallRelease.countDown();
    }

    public List<String> requestLines() {
        synchronized (requestLines) {
            return List.copyOf(requestLines);
        }
    }

    /** Body bytes of GET responses sent to the client. */
    public long getBodyBytes() {
        return getBodyBytes.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                pool.submit(() -> handle(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            client.setSoTimeout(30_000);
            upstream.setSoTimeout(30_000);
            InputStream cin = client.getInputStream();
            OutputStream cout = client.getOutputStream();
            byte[] head = readHead(cin);
            if (head == null) {
                return;
            }
            String headText = new String(head, StandardCharsets.ISO_8859_1);
            String requestLine = headText.substring(0, headText.indexOf("\r\n"));
            requestLines.add(requestLine);
            long contentLength = contentLength(headText);
            byte[] body = cin.readNBytes((int) Math.max(0, contentLength));

            if (requestLine.contains(faultMatch) && errorsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + errorCode
                        + "</Code><Message>injected fault</Message></Error>";
                byte[] b = xml.getBytes(StandardCharsets.UTF_8);
                cout.write(("HTTP/1.1 " + errorStatus + " Injected\r\nContent-Type: application/xml\r\nContent-Length: "
                        + b.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                cout.write(b);
                cout.flush();
                return;
            }

            OutputStream uout = upstream.getOutputStream();
            uout.write(withConnectionClose(headText).getBytes(StandardCharsets.ISO_8859_1));
            uout.write(body);
            uout.flush();

            InputStream uin = upstream.getInputStream();
            byte[] respHead = readHead(uin);
            if (respHead == null) {
                return;
            }
            String respText = new String(respHead, StandardCharsets.ISO_8859_1);
            cout.write(withConnectionClose(respText).getBytes(StandardCharsets.ISO_8859_1));
            boolean isGetBody = requestLine.startsWith("GET ") && !requestLine.contains("list-type")
                    && (respText.startsWith("HTTP/1.1 200") || respText.startsWith("HTTP/1.1 206"));
            long limit = Long.MAX_VALUE;
            boolean stall = false;
            if (isGetBody && dropsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                limit = dropAfter;
            } else if (isGetBody && requestLine.contains(stallMatch) && stallsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                limit = stallAfter;
                stall = true;
            }
            byte[] buf = new byte[32 * 1024];
            long sent = 0;
            int r;
            while (sent < limit && (r = uin.read(buf, 0, (int) Math.min(buf.length, limit - sent))) >= 0) {
                cout.write(buf, 0, r);
                sent += r;
                if (isGetBody) {
                    getBodyBytes.addAndGet(r);
                }
            }
            cout.flush();
            if (stall) {
                stallRelease.await(30, TimeUnit.SECONDS);
            }
            if (limit != Long.MAX_VALUE) {
                client.setSoLinger(true, 0); // reset, like a dropped connection
            }
        } catch (IOException | InterruptedException e) {
            // the client or server went away: nothing to do for a test proxy
        }
    }

    private static String withConnectionClose(String head) {
        StringBuilder sb = new StringBuilder();
        for (String line : head.split("\r\n")) {
            if (line.isEmpty() || line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                continue;
            }
            sb.append(line).append("\r\n");
        }
        return sb.append("Connection: close\r\n\r\n").toString();
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring(15).trim());
            }
        }
        return 0;
    }

    /** Bytes up to and including the blank line after the headers, or null at EOF. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            out.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return out.toByteArray();
            }
            if (out.size() > 64 * 1024) {
                throw new IOException("header too long");
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        stallRelease.countDown();
        server.close();
        pool.shutdownNow();
    }
}
